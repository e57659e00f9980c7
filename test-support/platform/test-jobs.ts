/** A worker entry for the runner's tests: jobs that report, hang, throw, crash or exhaust memory. */
import type { JobModule } from '../../main/platform/jobs/job';
import { serveJobs } from '../../main/platform/jobs/serve-jobs';
import { JobError } from '../../main/platform/jobs/worker-protocol';

const pause = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

const count: JobModule<{ steps: number }, number> = {
  async run(p, ctx) {
    for (let i = 1; i <= p.steps; i++) {
      await pause(30);
      ctx.progress(i / p.steps);
    }
    return p.steps;
  },
};
/** Waits politely, stopping at the signal. */
const wait: JobModule<{ ms: number }, string> = {
  async run(p, ctx) {
    const end = Date.now() + p.ms;
    while (Date.now() < end) {
      if (ctx.signal.aborted) throw new Error('aborted');
      await pause(10);
    }
    return 'waited';
  },
};
/** Never yields: only ending the thread stops it. */
const spin: JobModule<Record<string, never>, never> = {
  run() {
    for (;;) {
      /* a job stuck in a synchronous loop */
    }
  },
};
const fail: JobModule<Record<string, never>, never> = {
  run: () => Promise.reject(new Error('secret detail /home/x')),
};
const coded: JobModule<Record<string, never>, never> = {
  run: () => Promise.reject(new JobError('disk_full')),
};
/** An exception outside the job's promise: the thread dies. */
const crash: JobModule<Record<string, never>, never> = {
  run: () =>
    new Promise(() => {
      setTimeout(() => {
        throw new Error('crash');
      }, 10);
    }),
};
const exit: JobModule<Record<string, never>, never> = {
  run: () => {
    process.exit(3);
  },
};
const hog: JobModule<Record<string, never>, number> = {
  async run() {
    const keep: number[][] = [];
    for (;;) {
      keep.push(new Array<number>(1_000_000).fill(keep.length));
      if (keep.length % 50 === 0) await pause(0);
    }
  },
};

export const TEST_JOBS = { count, wait, spin, fail, coded, crash, exit, hog };
export type TestJobs = typeof TEST_JOBS;

serveJobs(TEST_JOBS);
