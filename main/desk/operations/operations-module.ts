/**
 * The special operations' module: the service over its store, its pushes (to consoles with the
 * `operations` right), its handlers, and the tags it gives viewing and PTZ entries.
 */
import type { ChannelsOf, EventsOf, SessionView } from '../../../common/contract';
import type { Module } from '../../platform/ipc/module';
import type { EventSink } from '../../platform/ipc/router';
import type { Registry, RegistryActor } from '../../records/registry/registry';
import type { WallDesk } from '../../video/wall/wall-desk';
import type { OperationTags } from './operation-tags';
import { OperationsService, type Clock } from './operations-service';
import { operationsEvents, operationsHandlers } from './operations-handlers';
import type { OperationStore } from './operations-store';

export interface OperationsModuleDeps {
  store: OperationStore;
  registry: Registry;
  events: EventSink;
  wall: Pick<WallDesk, 'view' | 'recall'>;
  knownCamera: (id: number) => boolean;
  /** Who calls, and whether the session may drive the wall. */
  auth: { actor(clientId: string): RegistryActor | null; status(clientId: string): SessionView | null };
  /** Filled with this module's answers: which operation covers a camera. */
  tags: OperationTags;
  clock?: Clock;
}

export function createOperations(
  d: OperationsModuleDeps,
): Module<ChannelsOf<'operations'>, EventsOf<'operations'>> & { service: OperationsService } {
  const service = new OperationsService({
    store: d.store,
    registry: d.registry,
    ...(d.clock && { clock: d.clock }),
    cameraKnown: d.knownCamera,
    presets: () => d.wall.view().presets,
    recallPreset: (name, by) => d.wall.recall(name, by),
    onChange: (list) => d.events.emit('operations:changed', list),
    onDue: (op) => d.events.emit('operations:due', op),
  });
  service.start();
  d.tags.provide((id) => service.tagFor(id));
  const handlers = operationsHandlers(service, (clientId) => {
    const actor = d.auth.actor(clientId);
    return actor ? { actor, wall: d.auth.status(clientId)?.permissions.includes('wall') === true } : null;
  });
  return {
    service,
    handlers,
    events: operationsEvents,
    close: () => {
      service.dispose();
      d.store.close();
    },
  };
}
