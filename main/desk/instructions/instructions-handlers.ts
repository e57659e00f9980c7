/** Contract handlers of the common instructions: read any version, import a new one (head of service). */
import { z } from 'zod';
import {
  MAX_CATEGORIES,
  MAX_CATEGORY_CHARS,
  MAX_INSTRUCTIONS_BYTES,
  type InstructionsFormat,
} from '../../../common/contract';
import { err, ok, type Result } from '../../../common/result';
import { storageErrorCode } from '../../platform/storage/atomic-write';
import { defineChannels, type EventAccess } from '../../platform/ipc/module';
import type { EventSink } from '../../platform/ipc/router';
import { base64, text } from '../../platform/ipc/shapes';
import { AnswerCache } from '../../platform/ipc/shared-answer';
import { createLogger } from '../../platform/log/logger';
import type { Registry, RegistryActor } from '../../records/registry/registry';
import { parseInstructions, precheck, type Parsed } from './instructions-parse';
import type { InstructionStore } from './instructions-store';

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
  store: InstructionStore;
  registry: Registry;
  events: EventSink;
  actor: (clientId: string) => RegistryActor | null;
  /** The parse: in a worker thread with a deadline on a post (main/jobs: `instructions.parse`); in-line in tests. */
  parse?: (input: ParseInput) => Promise<Result<Parsed>>;
}

const inline = async (i: ParseInput): Promise<Result<Parsed>> =>
  ok(await parseInstructions(i.fileName, i.bytes, i.categories));

export const instructionsEvents: EventAccess<'instructions:changed'> = { 'instructions:changed': 'view' };

// Everyone who sees images reads the instructions; the head of service (`service`) imports them.
export function instructionsHandlers(d: InstructionsDeps) {
  const parse = d.parse ?? inline;
  const answers = new AnswerCache(READ_CACHE_BYTES);
  return defineChannels('instructions', {
    'instructions:get': { access: 'view', input: z.undefined(), handle: () => ok(d.store.view()) },
    'instructions:read': {
      access: 'view',
      input: z.strictObject({ version: z.number().int().positive().max(1_000_000) }),
      // Up to 5.6 MB of JSON each; a page asks once per opening of a version.
      limit: { burst: 6, perSecond: 1 },
      handle: ({ version }) =>
        answers.get(String(version), () => {
          const doc = d.store.read(version);
          return doc ? ok(doc) : err('instructions_unknown_version', { version });
        }),
    },
    'instructions:import': {
      access: 'service',
      input: z.strictObject({
        fileName: text({ min: 1, max: 260 }),
        contentBase64: base64(MAX_INSTRUCTIONS_BYTES),
        categories: z
          .array(text({ max: MAX_CATEGORY_CHARS }))
          .max(MAX_CATEGORIES)
          .optional(),
      }),
      handle: async ({ fileName, contentBase64, categories }, ctx) => {
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
    },
  });
}
