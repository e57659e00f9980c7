/**
 * Composition root of the plain-Node services. Electron and the browser host both call this:
 * neither has a line of business logic of its own.
 */
import fs from 'node:fs';
import path from 'node:path';
import { CredentialStore } from './cameras/credentials';
import { InventoryStore } from './cameras/inventory-store';
import { locateFfmpeg } from './config/ffmpeg-locate';
import { EventHub, Router } from './ipc/router';
import { ok } from './ipc/result';
import { LayoutStore } from './layout/layout-store';
import { createLogger } from './log/logger';
import { StreamGateway } from './streams/gateway';

const log = createLogger('services');

export interface ServicesOptions {
  dataDir: string;
  assetsDir: string;
  camerasFile?: string;
  ffmpegPath?: string;
  host: 'electron' | 'browser';
  version: string;
  stallMs?: number;
  idleMs?: number;
}

export interface Services {
  router: Router;
  events: EventHub;
  gateway: StreamGateway;
  inventory: InventoryStore;
  close(): Promise<void>;
}

export async function createServices(o: ServicesOptions): Promise<Services> {
  fs.mkdirSync(o.dataDir, { recursive: true, mode: 0o700 });
  const events = new EventHub();
  const credentials = CredentialStore.inDir(o.dataDir);
  const inventory = new InventoryStore(o.dataDir, path.join(o.assetsDir, 'demo-cameras.json'));
  inventory.init(o.camerasFile);
  const ids = (): number[] => inventory.cameras().map((c) => c.id);
  const layout = new LayoutStore(o.dataDir, ids());
  const ffmpegPath = locateFfmpeg(o.ffmpegPath ?? process.env.VIGIE_FFMPEG);
  log.info(`ffmpeg: ${ffmpegPath}`);
  const gateway = new StreamGateway({
    ffmpegPath, credentials, events, lookupCamera: (id) => inventory.camera(id),
    ...(o.stallMs !== undefined && { stallMs: o.stallMs }),
    ...(o.idleMs !== undefined && { idleMs: o.idleMs }),
  });
  const endpoint = await gateway.listen();

  let wasDemo = inventory.view().demo;
  inventory.onChange((view) => {
    gateway.refresh();
    events.emit('cameras:changed', view);
    events.emit('layout:changed', layout.onInventory(ids(), wasDemo && !view.demo));
    wasDemo = view.demo;
  });

  const router = new Router({
    'app:info': () => ok({ version: o.version, host: o.host, demo: inventory.view().demo }),
    'cameras:list': () => ok(inventory.view()),
    'cameras:preview-import': (p) => inventory.preview(p.fileName, p.content),
    'cameras:apply-import': (p) => inventory.apply(p.previewId),
    'cameras:history': () => ok(inventory.history()),
    'layout:get': () => ok(layout.get()),
    'layout:set': (p) => {
      const known = new Set(ids());
      const tiles = p.tiles.map((id) => (id !== null && known.has(id) ? id : null));
      const r = layout.set({ layout: p.layout, tiles });
      if (r.ok) events.emit('layout:changed', r.value);
      return r;
    },
    'streams:endpoint': () => ok(endpoint),
    'streams:statuses': () => ok(gateway.statuses()),
  });

  return { router, events, gateway, inventory, close: () => gateway.close() };
}
