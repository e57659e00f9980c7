/** Composition of the map domain: its store under dataDir/map and its handlers. */
import type { Handlers, EventSink } from '../ipc/router';
import type { Registry, RegistryActor } from '../registry/registry';
import { mapHandlers } from './map-handlers';
import { MapStore } from './map-store';

export function mapWiring(o: {
  dataDir: string;
  registry: Registry;
  events: EventSink;
  actor: (clientId: string) => RegistryActor | null;
}): { handlers: ReturnType<typeof mapHandlers>; close(): void } {
  const store = new MapStore(o.dataDir);
  return { handlers: mapHandlers({ store, ...o }) satisfies Partial<Handlers>, close: () => undefined };
}
