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

test("the restarted host's warm-up passes CI's bound; a steady growth of access units fails it", () => {
  // Short runs' second halves as measured here (2026-12-07): the host restarted at 140 MB and warmed
  // back to its plateau in steps, one per chore, then stayed there.
  const quiet = [151, 152, 197, 200, 200, 203, 203, 204, 195];
  const loaded = [176, 180, 242, 212, 212, 214, 214, 214, 230];
  for (const rss of [quiet, loaded]) {
    const s = slopePerHour(rss.map((y, i) => ({ t: 90 + i * 10, y })))!;
    assert.ok(s < CI_LIMITS.hostMBPerHour, `warm-up: ${s.toFixed(0)} MB/h`);
  }
  // A least-squares line read the quiet run's one step as 2,086 MB/h; the median slope, far less.
  assert.ok(slopePerHour(quiet.map((y, i) => ({ t: 90 + i * 10, y })))! < 1000);
  // 16 cameras' access units kept (7 GB/h) over 90 s, with ±10 MB of garbage-collection noise.
  const leak = quiet.map((_, i) => ({ t: 90 + i * 10, y: 150 + i * 10 * (7000 / 3600) + (i % 3) * 10 - 10 }));
  const leakSlope = slopePerHour(leak)!;
  assert.ok(leakSlope > CI_LIMITS.hostMBPerHour, `a leak: ${leakSlope.toFixed(0)} MB/h`);
  assert.ok(Math.abs(leakSlope - 7000) < 1500);
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
