/**
 * A long job over the post's databases (registry queries, verification, exports, the annual
 * report) runs in a worker thread, never on the main thread that fans video out to the tiles.
 * A job module exports `run` with this shape; the worker opens the databases itself, read-only,
 * from the paths in `JobContext`.
 */
/** `S`: what the runner hands every job in memory, the same for all (the post's: its registry keys). */
export interface JobContext<S = unknown> {
  /** The post's data folder (registry.db, status history, operations…). */
  dataDir: string;
  /** Crosses to the worker by postMessage (KeyObjects do; a Buffer arrives as a Uint8Array: see serveJobs). */
  shared: S;
  /** 0…1; throttled by the runner, so a job may call it on every row. */
  progress(fraction: number): void;
  /** Set when the console cancelled the job or the post is closing: stop at the next row. */
  readonly signal: AbortSignal;
}

export type JobModule<P, R, S = unknown> = { run(params: P, ctx: JobContext<S>): Promise<R> };
