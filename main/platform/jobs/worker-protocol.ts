/** Messages between the job runner (main thread) and a job's worker thread. One shape each way. */
import type { ErrorCode } from '../../../common/errors';

export interface JobWorkerData {
  job: string;
  params: unknown;
  dataDir: string;
  /** The runner's `shared`, cloned to the worker. */
  shared: unknown;
}

/** From main to the worker: stop at the next row. */
export type ToWorker = { kind: 'abort' };

/** From the worker to main. A job's own failure is a code, never its message or stack. */
export type FromWorker =
  | { kind: 'progress'; fraction: number }
  | { kind: 'done'; value: unknown }
  | { kind: 'failed'; code: ErrorCode; params?: Record<string, string | number> };

/** A job refuses with a code the console can put in words (`registry.export` failing to write…). */
export class JobError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly params?: Record<string, string | number>,
  ) {
    super(code);
  }
}
