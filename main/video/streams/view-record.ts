/**
 * How a viewing session reaches the registry: the gateway's `onView` start and end, as
 * `view.start` (with the special operation that covers the camera) and `view.end` entries. The
 * composition root (services.ts) and the report's tests use this one path.
 */
import { createLogger } from '../../platform/log/logger';
import type { RegistryActor, RegistryInput } from '../../records/registry/registry';
import type { ViewEvent } from './gateway';

const log = createLogger('gateway');

export interface ViewRecordDeps {
  registry: { append(input: RegistryInput): unknown; appendLater(input: RegistryInput): void };
  /** `operationId` and `operation` of the special operation covering the camera (OperationTags.view). */
  tags: { view(cameraId: number): Record<string, unknown> };
  /** A wall tile's viewing names the operator who put the camera there. */
  wallViewer(cameraId: number): RegistryActor | null;
}

/**
 * A viewing session must not start unrecorded: while the registry cannot write (disk full), the
 * start throws RegistryWriteError and the gateway refuses the viewer (close code 4010, reason
 * `registry_unable_to_write`). Its end is reported from socket listeners, which must never throw:
 * an end the registry cannot write now is kept and written when it can (appendLater); any other
 * failure is logged.
 */
export function viewRecorder(d: ViewRecordDeps): (phase: 'start' | 'end', v: ViewEvent) => void {
  return (phase, v) => {
    const entry: RegistryInput = {
      type: phase === 'start' ? 'view.start' : 'view.end',
      actor: v.surface === 'wall-tile' ? d.wallViewer(v.cameraId) : v.identity.actor,
      cameraId: v.cameraId,
      surface: v.surface,
      data:
        phase === 'start'
          ? { viewId: v.viewId, stream: v.stream, ...d.tags.view(v.cameraId) }
          : { viewId: v.viewId, seconds: Math.round((Date.now() - v.startedAt) / 1000) },
    };
    if (phase === 'start') d.registry.append(entry);
    else
      try {
        d.registry.appendLater(entry);
      } catch (e) {
        log.error('end of viewing not recorded', e);
      }
  };
}
