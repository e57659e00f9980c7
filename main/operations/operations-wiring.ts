/**
 * Composition of the special operations: the store in the data directory, the service, its pushes
 * (to consoles with the `operations` right, through EVENT_ACCESS) and its handlers.
 */
import type { Permission } from '../../common/roles';
import type { EventSink } from '../ipc/router';
import type { Registry, RegistryActor } from '../registry/registry';
import type { WallDesk } from '../wall/wall-desk';
import { OperationsService, type Clock } from './operations-service';
import { operationsHandlers } from './operations-handlers';
import { OperationsStore } from './operations-store';

export interface OperationsWiringDeps {
  dataDir: string;
  registry: Registry;
  events: EventSink;
  cameraKnown(id: number): boolean;
  wall: WallDesk;
  actor(clientId: string): RegistryActor | null;
  permissions(clientId: string): readonly Permission[];
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
    cameraKnown: d.cameraKnown,
    presets: () => d.wall.view().presets,
    recallPreset: (name, by) => d.wall.recall(name, by),
    onChange: (list) => d.events.emit('operations:changed', list),
    onDue: (op) => d.events.emit('operations:due', op),
  });
  service.start();
  const handlers = operationsHandlers(service, (clientId) => {
    const actor = d.actor(clientId);
    return actor ? { actor, wall: d.permissions(clientId).includes('wall') } : null;
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
