/**
 * The worker side of the job runner: runs the one job named in workerData, posts throttled
 * progress, then its value or a failure code. Every table of jobs (the post's, the tests') is
 * served by this same function, so the bundle and the tests take the same path.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { JobContext, JobModule } from './job';
import { JobError, type FromWorker, type JobWorkerData, type ToWorker } from './worker-protocol';

/** Progress is posted at most this often (a job may report on every row). */
const PROGRESS_EVERY_MS = 100;

export type JobTable = Record<string, JobModule<never, unknown, never>>;

/**
 * `revive` rebuilds what postMessage flattened in the runner's `shared` (a Buffer arrives as a
 * plain Uint8Array); the table's owner knows its shape.
 */
export function serveJobs(table: JobTable, revive: (shared: unknown) => unknown = (s) => s): void {
  const port = parentPort;
  if (!port) throw new Error('serveJobs runs in a worker thread');
  const data = workerData as JobWorkerData;
  const post = (m: FromWorker): void => port.postMessage(m);
  const abort = new AbortController();
  port.on('message', (m: ToWorker) => {
    if (m.kind === 'abort') abort.abort();
  });
  let last = 0;
  const ctx: JobContext = {
    dataDir: data.dataDir,
    shared: revive(data.shared),
    signal: abort.signal,
    progress(fraction) {
      const now = Date.now();
      if (now - last < PROGRESS_EVERY_MS) return;
      last = now;
      post({ kind: 'progress', fraction: Math.min(1, Math.max(0, fraction)) });
    },
  };
  const job = Object.hasOwn(table, data.job) ? table[data.job] : undefined;
  if (!job) {
    post({ kind: 'failed', code: 'job_failed' });
    port.close();
    return;
  }
  job.run(data.params as never, ctx as JobContext<never>).then(
    (value) => {
      post({ kind: 'done', value });
      port.close();
    },
    (e: unknown) => {
      if (e instanceof JobError)
        post({ kind: 'failed', code: e.code, ...(e.params && { params: e.params }) });
      else if (abort.signal.aborted) post({ kind: 'failed', code: 'job_cancelled' });
      else {
        console.error(`job ${data.job} failed`, e);
        post({ kind: 'failed', code: 'job_failed' });
      }
      port.close();
    },
  );
}
