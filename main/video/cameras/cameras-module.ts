/**
 * The cameras' module: the inventory in force (opened first, since the accounts' demo rule and
 * every video part read it), its imports checked in a worker thread, and its channels.
 */
import path from 'node:path';
import type { ChannelsOf, EventsOf } from '../../../common/contract';
import type { Module } from '../../platform/ipc/module';
import type { EventSink } from '../../platform/ipc/router';
import type { JobRunner } from '../../platform/jobs/job-runner';
import type { Registry, RegistryActor } from '../../records/registry/registry';
import { camerasEvents, camerasHandlers, type ImportCheck } from './cameras-handlers';
import type { CAMERAS_JOBS } from './inventory-check';
import { InventoryStore } from './inventory-store';

/** A camera file (4 MiB at most) is decoded, validated and compared in a worker within this time. */
const IMPORT_CHECK_MS = 60_000;

/**
 * The post's inventory: the file in force (or `camerasFile`, or the demo when allowed), each change
 * recorded in the registry, from the first.
 */
export async function openInventory(d: {
  dataDir: string;
  assetsDir: string;
  camerasFile?: string | undefined;
  demoAllowed: boolean;
  registry: Registry;
}): Promise<InventoryStore> {
  const inventory = new InventoryStore(d.dataDir, path.join(d.assetsDir, 'demo-cameras.json'));
  inventory.onChange((_v, change, actor) => {
    if (change) d.registry.append({ type: 'inventory.change', actor, data: { ...change } });
  });
  await inventory.init(d.camerasFile, d.demoAllowed);
  return inventory;
}

export function createCameras(d: {
  inventory: InventoryStore;
  events: EventSink;
  actor: (clientId: string) => RegistryActor | null;
  jobs: JobRunner<typeof CAMERAS_JOBS>;
  /** Any inventory change ends the demo sessions: no demo rights over real cameras. */
  endDemoSessions: () => void;
}): Module<ChannelsOf<'cameras'>, EventsOf<'cameras'>> {
  const stop = d.inventory.onChange((view) => {
    d.endDemoSessions();
    d.events.emit('cameras:changed', view);
  });
  const check: ImportCheck = (fileName, bytes, inForce) =>
    d.jobs.run('cameras.check', { fileName, bytes, inForce: [...inForce] }, { deadlineMs: IMPORT_CHECK_MS });
  return {
    handlers: camerasHandlers({ inventory: d.inventory, actor: d.actor, check }),
    events: camerasEvents,
    close: stop,
  };
}
