/**
 * Composition of the special operations: the store in the data directory, the service, its pushes
 * (to consoles with the `operations` right, through EVENT_ACCESS) and its handlers.
 */
import type { SessionView } from '../../../common/contract';
import type { EventSink } from '../../platform/ipc/router';
import type { Registry, RegistryActor } from '../../records/registry/registry';
import type { WallDesk } from '../../video/wall/wall-desk';
import { OperationsService, type Clock } from './operations-service';
import { operationsHandlers } from './operations-handlers';
import { OperationsStore } from './operations-store';

export interface OperationsWiringDeps {
  dataDir: string;
  registry: Registry;
  events: EventSink;
  wall: WallDesk;
  inventory: { camera(id: number): unknown };
  /** Who calls, and whether the session may drive the wall. */
  auth: { actor(clientId: string): RegistryActor | null; status(clientId: string): SessionView | null };
  clock?: Clock;
}

export function operationsWiring(d: OperationsWiringDeps): {
  service: OperationsService;
  handlers: ReturnType<typeof operationsHandlers>;
  close(): void;
} {
  const store = new OperationsStore(d.dataDir);
  const service = new OperationsService({
    store,
    registry: d.registry,
    ...(d.clock && { clock: d.clock }),
    cameraKnown: (id) => d.inventory.camera(id) !== undefined,
    presets: () => d.wall.view().presets,
    recallPreset: (name, by) => d.wall.recall(name, by),
    onChange: (list) => d.events.emit('operations:changed', list),
    onDue: (op) => d.events.emit('operations:due', op),
  });
  service.start();
  const handlers = operationsHandlers(service, (clientId) => {
    const actor = d.auth.actor(clientId);
    return actor ? { actor, wall: d.auth.status(clientId)?.permissions.includes('wall') === true } : null;
  });
  return {
    service,
    handlers,
    close: () => {
      service.dispose();
      store.close();
    },
  };
}
