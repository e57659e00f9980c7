import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CI_LIMITS, slopePerHour, TARGETS, verdict, type Figures } from './soak-stats';

test('the slope is in units per hour, and ignores noise around a line', () => {
  const line = Array.from({ length: 20 }, (_, i) => ({ t: i * 10, y: 100 + (i * 10 * 5) / 3600 }));
  assert.ok(Math.abs(slopePerHour(line)! - 5) < 1e-9);
  const saw = line.map((p, i) => ({ ...p, y: p.y + (i % 2 ? 3 : -3) }));
  assert.ok(
    Math.abs(slopePerHour(saw)! - 5) < 60,
    'a ±3 MB sawtooth over 3 minutes moves it by tens of MB/h',
  );
  assert.equal(slopePerHour(line.slice(0, 2)), null);
});

test("a warming step after the host's restart passes CI's bound; a steady growth of the same size fails it", () => {
  // A short run's second half as measured here (2026-12-07): the host restarted at 144 MB and went
  // back to its plateau before the kill (204 MB) in one step, then stayed there.
  const step = [151, 152, 197, 200, 200, 203, 203, 204, 195].map((y, i) => ({ t: 90 + i * 10, y }));
  const stepSlope = slopePerHour(step)!;
  assert.ok(stepSlope < CI_LIMITS.hostMBPerHour, `a step: ${stepSlope.toFixed(0)} MB/h`);
  // The same 44 MB, grown a little every sample: a leak.
  const leak = step.map((p, i) => ({ t: p.t, y: 151 + (i * 44) / 8 + (i % 2 ? 1 : -1) }));
  const leakSlope = slopePerHour(leak)!;
  assert.ok(leakSlope > CI_LIMITS.hostMBPerHour, `a leak: ${leakSlope.toFixed(0)} MB/h`);
  // One 640×360 frame a second kept (1.2 GB/h) over 90 s, with ±10 MB of garbage-collection noise.
  const frames = step.map((p, i) => ({ t: p.t, y: 150 + (p.t - 90) * (1200 / 3600) + (i % 3) * 10 - 10 }));
  assert.ok(Math.abs(slopePerHour(frames)! - 1200) < 400);
});

const clean: Figures = {
  hostSlope: 2,
  browserSlope: 10,
  descriptorChange: 3,
  recoveryP95: 3000,
  stuck: 0,
  leftovers: 0,
  lostEntries: 0,
  openViews: 0,
  chainOk: true,
  ffmpegExcess: 0,
};

test('the verdict fails on a stuck tile, a leftover, a lost entry, an open view, a broken chain or a slope past the limit', () => {
  assert.deepEqual(verdict(clean, TARGETS), { failures: [], missed: [] });
  for (const [k, v] of [
    ['stuck', 1],
    ['leftovers', 2],
    ['lostEntries', 1],
    ['openViews', 1],
    ['chainOk', false],
    ['ffmpegExcess', 1],
    ['hostSlope', 6],
    ['descriptorChange', -11],
  ] as const)
    assert.equal(verdict({ ...clean, [k]: v }, TARGETS).failures.length, 1, k);
  // CI's bounds: a slope past the target but short of a leak is said, not failed on.
  const short = verdict({ ...clean, hostSlope: 300 }, CI_LIMITS);
  assert.deepEqual(short.failures, []);
  assert.equal(short.missed.length, 1);
});
