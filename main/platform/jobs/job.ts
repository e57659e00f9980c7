/**
 * A long job over the post's databases (registry queries, verification, exports, the annual
 * report) runs in a worker thread, never on the main thread that fans video out to the tiles.
 * A job module exports `run` with this shape; the worker opens the databases itself, read-only,
 * from the paths in `JobContext`.
 */
import type { RegistryKeys } from '../../records/registry/registry-key';

export interface JobContext {
  /** The post's data folder (registry.db, status history, operations…). */
  dataDir: string;
  /** The registry's keys, handed to the worker in memory (KeyObjects cross threads by postMessage). */
  keys: RegistryKeys;
  /** 0…1; throttled by the runner, so a job may call it on every row. */
  progress(fraction: number): void;
  /** Set when the console cancelled the job or the post is closing: stop at the next row. */
  readonly signal: AbortSignal;
}

export type JobModule<P, R> = { run(params: P, ctx: JobContext): Promise<R> };
