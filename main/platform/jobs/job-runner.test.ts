import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { JobRunner, type JobRunnerOptions } from './job-runner';
import type { TestJobs } from '../../../test-support/platform/test-jobs';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-jobs-'));
const runner = (o: Partial<JobRunnerOptions> = {}) =>
  new JobRunner<TestJobs>({
    dataDir: dir,
    workerFile: path.join(__dirname, '..', '..', '..', 'test-support', 'platform', 'test-jobs.ts'),
    ...o,
  });

test('a job runs in a worker and reports its progress, rising, then its value', async () => {
  const r = runner();
  const seen: number[] = [];
  const res = await r.run('count', { steps: 12 }, { onProgress: (f) => seen.push(f) });
  assert.deepEqual(res, { ok: true, value: 12 });
  assert.ok(seen.length >= 2, `progress reported (${seen.length})`);
  assert.deepEqual(
    [...seen].sort((a, b) => a - b),
    seen,
  );
  assert.ok(seen.every((f) => f > 0 && f <= 1));
  await r.close();
});

test('cancelling stops a polite job, and ends a job stuck in a loop', async () => {
  const r = runner();
  const polite = new AbortController();
  const p1 = r.run('wait', { ms: 60_000 }, { signal: polite.signal });
  setTimeout(() => polite.abort(), 300);
  assert.deepEqual(await p1, { ok: false, error: { code: 'job_cancelled' } });

  const stuck = new AbortController();
  const started = Date.now();
  const p2 = r.run('spin', {}, { signal: stuck.signal });
  setTimeout(() => stuck.abort(), 300);
  assert.deepEqual(await p2, { ok: false, error: { code: 'job_cancelled' } });
  assert.ok(Date.now() - started < 20_000);
  assert.equal(r.active, 0);
  await r.close();
});

test('a deadline counts from the start, not the wait in the queue, and ends even a job stuck in a loop', async () => {
  const r = runner({ maxConcurrent: 1 });
  const first = r.run('wait', { ms: 3000 });
  // Queued behind 3 s of work with 2.5 s to run (its thread's start-up included): it still runs.
  const queued = r.run('wait', { ms: 10 }, { deadlineMs: 2500 });
  assert.deepEqual(await first, { ok: true, value: 'waited' });
  assert.deepEqual(await queued, { ok: true, value: 'waited' });
  const started = Date.now();
  assert.deepEqual(await r.run('spin', {}, { deadlineMs: 300 }), {
    ok: false,
    error: { code: 'job_timeout' },
  });
  assert.ok(Date.now() - started < 10_000);
  assert.equal(r.active, 0);
  await r.close();
});

test('a throwing job gives job_failed (never its message); a coded refusal keeps its code', async () => {
  const r = runner();
  assert.deepEqual(await r.run('fail', {}), { ok: false, error: { code: 'job_failed' } });
  assert.deepEqual(await r.run('coded', {}), { ok: false, error: { code: 'disk_full' } });
  await r.close();
});

test('a job that crashes its thread, exits it or exhausts its memory fails alone: the runner goes on', async () => {
  const r = runner({ memoryMb: 64 });
  for (const job of ['crash', 'exit', 'hog'] as const)
    assert.deepEqual(await r.run(job, {}), { ok: false, error: { code: 'job_failed' } }, job);
  assert.deepEqual(await r.run('count', { steps: 1 }), { ok: true, value: 1 });
  assert.equal(r.active, 0);
  await r.close();
});

test('at most maxConcurrent jobs run at once, a few wait their turn, beyond that the post is busy', async () => {
  const r = runner({ maxConcurrent: 1, maxQueued: 1 });
  let peak = 0;
  const watch = setInterval(() => (peak = Math.max(peak, r.active)), 5);
  const first = r.run('wait', { ms: 400 });
  const second = r.run('wait', { ms: 10 });
  const third = await r.run('wait', { ms: 10 });
  assert.deepEqual(third, { ok: false, error: { code: 'jobs_busy' } });
  assert.deepEqual(await first, { ok: true, value: 'waited' });
  assert.deepEqual(await second, { ok: true, value: 'waited' });
  clearInterval(watch);
  assert.equal(peak, 1);
  await r.close();
});

test('closing the runner cancels running and queued jobs, and refuses new ones', async () => {
  const r = runner({ maxConcurrent: 1 });
  const running = r.run('wait', { ms: 60_000 });
  const queued = r.run('wait', { ms: 10 });
  await new Promise((res) => setTimeout(res, 200));
  await r.close();
  assert.deepEqual(await running, { ok: false, error: { code: 'job_cancelled' } });
  assert.deepEqual(await queued, { ok: false, error: { code: 'job_cancelled' } });
  assert.deepEqual(await r.run('count', { steps: 1 }), { ok: false, error: { code: 'job_cancelled' } });
});
