/** Contract handlers of the common instructions: read any version, import a new one (head of service). */
import type { ChannelsOf } from '../../common/contract';
import { err, ok } from '../../common/result';
import { storageErrorCode } from '../config/atomic-write';
import type { EventSink, Handlers } from '../ipc/router';
import { createLogger } from '../log/logger';
import type { Registry, RegistryActor } from '../registry/registry';
import { parseInstructions } from './instructions-parse';
import type { InstructionsStore } from './instructions-store';
import type { PdfSummary } from './pdf-read';

const log = createLogger('instructions');

export interface InstructionsDeps {
  store: InstructionsStore;
  registry: Registry;
  events: EventSink;
  actor: (clientId: string) => RegistryActor | null;
  /** Reads a PDF off the main thread (main/jobs: `instructions.readPdf`). */
  readPdf?: (bytes: Buffer) => Promise<PdfSummary | null>;
}

export function instructionsHandlers(d: InstructionsDeps): Pick<Handlers, ChannelsOf<'instructions'>> {
  return {
    'instructions:get': () => ok(d.store.view()),
    'instructions:read': ({ version }) => {
      const doc = d.store.read(version);
      return doc ? ok(doc) : err('instructions_unknown_version', { version });
    },
    'instructions:import': async ({ fileName, contentBase64, categories }, ctx) => {
      const by = d.actor(ctx.clientId);
      if (!by) return err('unauthenticated');
      const bytes = Buffer.from(contentBase64, 'base64');
      const parsed = await parseInstructions(fileName, bytes, categories, d.readPdf);
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
