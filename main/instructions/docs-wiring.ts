/** Composition of issue 12's shared documents: instructions, incident reports and contacts. */
import type { Handlers, EventSink } from '../ipc/router';
import type { Registry, RegistryActor } from '../registry/registry';
import { contactsHandlers } from '../contacts/contacts-handlers';
import { ContactsStore } from '../contacts/contacts-store';
import { IncidentStore } from '../incidents/incident-store';
import { incidentsHandlers } from '../incidents/incidents-handlers';
import { instructionsHandlers, type InstructionsDeps } from './instructions-handlers';
import { InstructionsStore } from './instructions-store';

export type DocsChannel = `${'instructions' | 'incidents' | 'contacts'}:${string}` & keyof Handlers;

export interface DocsWiring {
  dataDir: string;
  registry: Registry;
  events: EventSink;
  actor: (clientId: string) => RegistryActor | null;
  knownCamera: (id: number) => boolean;
  readPdf?: InstructionsDeps['readPdf'];
}

export function docsWiring(w: DocsWiring): { handlers: Pick<Handlers, DocsChannel>; close(): void } {
  const instructions = new InstructionsStore(w.dataDir);
  const incidents = new IncidentStore(w.dataDir);
  const contacts = new ContactsStore(w.dataDir);
  const base = { registry: w.registry, events: w.events, actor: w.actor };
  return {
    handlers: {
      ...instructionsHandlers({ ...base, store: instructions, ...(w.readPdf && { readPdf: w.readPdf }) }),
      ...incidentsHandlers({
        ...base,
        store: incidents,
        categories: () => instructions.categories(),
        knownCamera: w.knownCamera,
      }),
      ...contactsHandlers({ ...base, store: contacts }),
    },
    close: () => {
      instructions.close();
      incidents.close();
    },
  };
}
