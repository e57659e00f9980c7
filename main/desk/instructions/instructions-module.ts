/** The common instructions' module: its store, its files parsed in worker threads, its handlers. */
import type { ChannelsOf, EventsOf } from '../../../common/contract';
import { ok } from '../../../common/result';
import type { Module } from '../../platform/ipc/module';
import type { EventSink } from '../../platform/ipc/router';
import type { JobRunner } from '../../platform/jobs/job-runner';
import type { Registry, RegistryActor } from '../../records/registry/registry';
import { instructionsEvents, instructionsHandlers, type InstructionsDeps } from './instructions-handlers';
import type { InstructionsJobTable } from './instructions-parse';
import type { InstructionStore } from './instructions-store';

/**
 * An imported file is parsed in a worker thread, ended at its deadline and then refused. A PDF is
 * given longer (pdfjs); a Markdown file that takes more than 5 s would take as long to render on
 * every console that opens it (the page parses it with the same markdown-it), so it is refused.
 */
export const PARSE_DEADLINE_MS = { pdf: 20_000, markdown: 5_000 } as const;

export function parseInWorker(
  jobs: JobRunner<InstructionsJobTable>,
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

export interface InstructionsModuleDeps {
  store: InstructionStore;
  registry: Registry;
  events: EventSink;
  actor: (clientId: string) => RegistryActor | null;
  jobs: JobRunner<InstructionsJobTable>;
}

/** The module, and the current version's categories (what an incident report may be filed under). */
export function createInstructions(
  d: InstructionsModuleDeps,
): Module<ChannelsOf<'instructions'>, EventsOf<'instructions'>> & { categories(): string[] } {
  const { jobs, ...deps } = d;
  return {
    handlers: instructionsHandlers({ ...deps, parse: parseInWorker(jobs) }),
    events: instructionsEvents,
    categories: () => d.store.categories(),
    close: () => d.store.close(),
  };
}
