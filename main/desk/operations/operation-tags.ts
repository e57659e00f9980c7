/**
 * The provider that tags viewing and PTZ entries with the operation that includes their camera,
 * injected where those entries are written (services.ts onView, the lease service). It answers
 * nothing until the operations are wired, so entries written before are simply untagged.
 */
import type { OperationTag } from './operations-service';

export class OperationTags {
  source: (cameraId: number) => OperationTag | null = () => null;

  /** Merged into `view.start`'s data: `operationId` and `operation` (the name). */
  view(cameraId: number): { operationId?: number; operation?: string } {
    const t = this.source(cameraId);
    return t ? { operationId: t.operationId, operation: t.name } : {};
  }

  /** Merged into every `ptz.*` entry's data. */
  lease(cameraId: number): { operationId?: number } {
    const t = this.source(cameraId);
    return t ? { operationId: t.operationId } : {};
  }
}
