/** Composition of issue 12's shared documents: instructions, incident reports and contacts. */
import { ok } from '../../../common/result';
import type { Handlers, EventSink } from '../../platform/ipc/router';
import type { JobRunner } from '../../platform/jobs/job-runner';
import type { PostJobs } from '../../app/post-jobs';
import type { Registry, RegistryActor } from '../../records/registry/registry';
import { contactsHandlers } from '../contacts/contacts-handlers';
import { ContactsStore } from '../contacts/contacts-store';
import { IncidentStore } from '../incidents/incident-store';
import { incidentsHandlers } from '../incidents/incidents-handlers';
import { instructionsHandlers, type InstructionsDeps } from './instructions-handlers';
import { InstructionsStore } from './instructions-store';

/**
 * An imported file is parsed in a worker thread, ended at its deadline and then refused. A PDF is
 * given longer (pdfjs); a Markdown file that takes more than 5 s would take as long to render on
 * every console that opens it (the page parses it with the same markdown-it), so it is refused.
 */
export const PARSE_DEADLINE_MS = { pdf: 20_000, markdown: 5_000 } as const;

export function parseInWorker(
  jobs: JobRunner<PostJobs>,
  deadlines: Record<keyof typeof PARSE_DEADLINE_MS, number> = PARSE_DEADLINE_MS,
): NonNullable<InstructionsDeps['parse']> {
  return async ({ fileName, format, bytes, categories }) => {
    const ms = deadlines[format];
    const r = await jobs.run(
      'instructions.parse',
      { fileName, bytes, ...(categories && { categories }) },
      { deadlineMs: ms },
    );
    if (r.ok || (r.error.code !== 'job_timeout' && r.error.code !== 'job_failed')) return r;
    // Past its deadline, or its thread died (out of memory): the file is refused, the post goes on.
    if (format === 'pdf') return ok({ ok: false, problem: { reason: 'pdf_unreadable' } });
    return ok({ ok: false, problem: { reason: 'too_complex', params: { seconds: ms / 1000 } } });
  };
}

export type DocsChannel = `${'instructions' | 'incidents' | 'contacts'}:${string}` & keyof Handlers;

export interface DocsWiring {
  dataDir: string;
  registry: Registry;
  events: EventSink;
  actor: (clientId: string) => RegistryActor | null;
  knownCamera: (id: number) => boolean;
  parse?: InstructionsDeps['parse'];
}

export function docsWiring(w: DocsWiring): { handlers: Pick<Handlers, DocsChannel>; close(): void } {
  const instructions = new InstructionsStore(w.dataDir);
  const incidents = new IncidentStore(w.dataDir);
  const contacts = new ContactsStore(w.dataDir);
  const base = { registry: w.registry, events: w.events, actor: w.actor };
  return {
    handlers: {
      ...instructionsHandlers({ ...base, store: instructions, ...(w.parse && { parse: w.parse }) }),
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
