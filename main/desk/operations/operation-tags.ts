/**
 * The provider that tags viewing and PTZ entries with the operation that includes their camera,
 * handed to where those entries are written (the streams' view record, the lease service) before
 * the operations exist: the operations module provides the answers when it is created, so entries
 * written before are simply untagged.
 */
import type { OperationTag } from './operations-service';

export class OperationTags {
  private source: (cameraId: number) => OperationTag | null = () => null;

  /** The operations module answers from now on. */
  provide(source: (cameraId: number) => OperationTag | null): void {
    this.source = source;
  }

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
