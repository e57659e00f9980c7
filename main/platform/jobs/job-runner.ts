/**
 * Runs jobs (main/jobs/job.ts) in worker threads, off the thread that fans video out to the tiles:
 * each run gets its own Worker, which opens the databases itself, read-only. At most
 * `maxConcurrent` run at once, the next ones wait their turn (a few), and beyond that the console
 * is told the post is busy. A job that throws, runs out of memory or kills its thread gives a code;
 * the post goes on.
 */
import { appRoot } from '../app-root';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { err, ok, type Result } from '../../../common/result';
import { createLogger } from '../log/logger';
import type { JobTable } from './serve-jobs';
import type { FromWorker, JobWorkerData } from './worker-protocol';

const log = createLogger('jobs');

/** After an abort, how long a job has to stop by itself before its thread is ended. */
const ABORT_GRACE_MS = 1000;

export type ParamsOf<T extends JobTable, N extends keyof T> = Parameters<T[N]['run']>[0];
export type ValueOf<T extends JobTable, N extends keyof T> = Awaited<ReturnType<T[N]['run']>>;

export interface RunOptions {
  onProgress?(fraction: number): void;
  signal?: AbortSignal;
  /** Counted from the job's start (not its wait in the queue); past it the job is ended: `job_timeout`. */
  deadlineMs?: number;
}

export interface JobRunnerOptions {
  dataDir: string;
  /** Handed to every job (JobContext.shared), cloned into its thread: the post's registry keys. */
  shared?: unknown;
  /** The worker entry; the post's own one (dist/host/jobs-worker.js, or its source under tsx) by default. */
  workerFile?: string;
  maxConcurrent?: number;
  maxQueued?: number;
  /** The heap a job may use: past it, its thread dies and the run fails, the post does not. */
  memoryMb?: number;
}

/** Where the post's worker entry is: next to this file in the sources, in dist/host in both bundles. */
export function defaultWorkerFile(): string {
  // Run from the sources (tsx): the worker's source; from a bundle (dist/host, dist/electron): its bundle.
  return __filename.endsWith('.ts')
    ? path.join(appRoot(), 'main', 'app', 'jobs-worker.ts')
    : path.join(appRoot(), 'dist', 'host', 'jobs-worker.js');
}

export class JobRunner<T extends JobTable> {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  private readonly closing = new AbortController();
  private readonly live = new Set<Promise<unknown>>();

  constructor(private readonly o: JobRunnerOptions) {}

  async run<N extends keyof T & string>(
    job: N,
    params: ParamsOf<T, N>,
    opts: RunOptions = {},
  ): Promise<Result<ValueOf<T, N>>> {
    if (this.closing.signal.aborted) return err('job_cancelled');
    if (!(await this.acquire())) return err('jobs_busy');
    try {
      const deadline = opts.deadlineMs === undefined ? null : AbortSignal.timeout(opts.deadlineMs);
      const signal = AbortSignal.any([
        this.closing.signal,
        ...(opts.signal ? [opts.signal] : []),
        ...(deadline ? [deadline] : []),
      ]);
      if (signal.aborted) return err('job_cancelled');
      const p = this.spawn(job, params, signal, opts.onProgress);
      this.live.add(p);
      void p.finally(() => this.live.delete(p));
      const r = await p;
      if (!r.ok && deadline?.aborted && !this.closing.signal.aborted) return err('job_timeout');
      return r as Result<ValueOf<T, N>>;
    } finally {
      this.release();
    }
  }

  /** Jobs running now (the bench and the tests watch it). */
  get active(): number {
    return this.running;
  }

  /** The post is closing: every job is cancelled, queued ones never start. */
  async close(): Promise<void> {
    this.closing.abort();
    for (const wake of this.waiting.splice(0)) wake();
    await Promise.allSettled([...this.live]);
  }

  private async acquire(): Promise<boolean> {
    if (this.running < (this.o.maxConcurrent ?? 2)) {
      this.running++;
      return true;
    }
    if (this.waiting.length >= (this.o.maxQueued ?? 4)) return false;
    await new Promise<void>((wake) => this.waiting.push(wake));
    return true; // the slot was handed over by release()
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.running--;
  }

  private spawn(
    job: string,
    params: unknown,
    signal: AbortSignal,
    onProgress?: (fraction: number) => void,
  ): Promise<Result<unknown>> {
    return new Promise((resolve) => {
      const workerData: JobWorkerData = { job, params, dataDir: this.o.dataDir, shared: this.o.shared };
      let worker: Worker;
      try {
        worker = new Worker(this.o.workerFile ?? defaultWorkerFile(), {
          workerData,
          resourceLimits: { maxOldGenerationSizeMb: this.o.memoryMb ?? 1024 },
        });
      } catch (e) {
        log.error(`job ${job}: worker did not start`, e);
        resolve(err('job_failed'));
        return;
      }
      let killer: NodeJS.Timeout | undefined;
      let settled = false;
      const finish = (r: Result<unknown>): void => {
        if (settled) return;
        settled = true;
        signal.removeEventListener('abort', onAbort);
        clearTimeout(killer);
        void worker.terminate();
        resolve(r);
      };
      const onAbort = (): void => {
        worker.postMessage({ kind: 'abort' });
        killer = setTimeout(() => finish(err('job_cancelled')), ABORT_GRACE_MS);
      };
      signal.addEventListener('abort', onAbort, { once: true });
      worker.on('message', (m: FromWorker) => {
        if (m.kind === 'progress') onProgress?.(m.fraction);
        else if (m.kind === 'done') finish(ok(m.value));
        else finish(err(m.code, m.params));
      });
      worker.on('error', (e) => {
        log.error(`job ${job} crashed`, e);
        finish(err(signal.aborted ? 'job_cancelled' : 'job_failed'));
      });
      worker.on('exit', () => finish(err(signal.aborted ? 'job_cancelled' : 'job_failed')));
    });
  }
}
