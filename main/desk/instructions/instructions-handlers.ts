/** Contract handlers of the common instructions: read any version, import a new one (head of service). */
import type { ChannelsOf } from '../../../common/contract';
import type { InstructionsFormat } from '../../../common/contract-docs';
import { err, ok, type Result } from '../../../common/result';
import { storageErrorCode } from '../../platform/storage/atomic-write';
import type { EventSink, Handlers } from '../../platform/ipc/router';
import { AnswerCache } from '../../platform/ipc/shared-answer';
import { createLogger } from '../../platform/log/logger';
import type { Registry, RegistryActor } from '../../records/registry/registry';
import { parseInstructions, precheck, type Parsed } from './instructions-parse';
import type { InstructionsStore } from './instructions-store';

const log = createLogger('instructions');

/** Versions never change: each one read is kept, serialized once, within this many bytes. */
const READ_CACHE_BYTES = 24 * 1024 * 1024;

export interface ParseInput {
  fileName: string;
  format: InstructionsFormat;
  bytes: Buffer;
  categories?: string[];
}

export interface InstructionsDeps {
  store: InstructionsStore;
  registry: Registry;
  events: EventSink;
  actor: (clientId: string) => RegistryActor | null;
  /** The parse: in a worker thread with a deadline on a post (main/jobs: `instructions.parse`); in-line in tests. */
  parse?: (input: ParseInput) => Promise<Result<Parsed>>;
}

const inline = async (i: ParseInput): Promise<Result<Parsed>> =>
  ok(await parseInstructions(i.fileName, i.bytes, i.categories));

export function instructionsHandlers(d: InstructionsDeps): Pick<Handlers, ChannelsOf<'instructions'>> {
  const parse = d.parse ?? inline;
  const answers = new AnswerCache(READ_CACHE_BYTES);
  return {
    'instructions:get': () => ok(d.store.view()),
    'instructions:read': ({ version }) =>
      answers.get(String(version), () => {
        const doc = d.store.read(version);
        return doc ? ok(doc) : err('instructions_unknown_version', { version });
      }),
    'instructions:import': async ({ fileName, contentBase64, categories }, ctx) => {
      const by = d.actor(ctx.clientId);
      if (!by) return err('unauthenticated');
      const bytes = Buffer.from(contentBase64, 'base64');
      const format = precheck(fileName, bytes);
      let parsed: Parsed;
      if (typeof format !== 'string') parsed = { ok: false, problem: format };
      else {
        const r = await parse({ fileName, format, bytes, ...(categories && { categories }) });
        if (!r.ok) return r; // the post is busy, or closing
        parsed = r.value;
      }
      if (!parsed.ok) {
        log.warn(`instructions ${fileName} refused: ${parsed.problem.reason}`);
        return err('instructions_invalid', { reason: parsed.problem.reason, ...parsed.problem.params });
      }
      try {
        d.store.add(
          { fileName, format: parsed.format, bytes, importedBy: by.name, categories: parsed.categories },
          (v) =>
            d.registry.append({
              type: 'instructions.import',
              actor: by,
              data: {
                version: v.version,
                fileName: v.fileName,
                format: v.format,
                sha256: v.sha256,
                categories: v.categories.map((c) => c.label),
              },
            }),
        );
      } catch (e) {
        log.error('instructions not stored', e);
        return err(storageErrorCode(e));
      }
      const view = d.store.view();
      d.events.emit('instructions:changed', view);
      return ok(view);
    },
  };
}
