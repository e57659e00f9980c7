import { test } from 'node:test';
import assert from 'node:assert/strict';
import { plan, window, type Fault } from './soak-plan';

const opts = { cameras: 16, resolutionCamera: 9, corruptCamera: 5 };

function check(faults: Fault[], seconds: number): void {
  for (const f of faults)
    assert.ok(window(f)[0] >= 0 && window(f)[1] <= seconds, `${f.kind} at ${f.at} inside the run`);
  const sorted = [...faults].sort((a, b) => a.at - b.at);
  for (let i = 1; i < sorted.length; i++)
    assert.ok(
      window(sorted[i - 1]!)[1] <= window(sorted[i]!)[0],
      `${sorted[i]!.kind} at ${sorted[i]!.at} overlaps`,
    );
}

test('every fault of the issue happens in a 3-minute run, none overlapping another, the crash before the second half', () => {
  for (let seed = 1; seed <= 50; seed++) {
    const faults = plan({ ...opts, seconds: 180, seed });
    check(faults, 180);
    const kinds = new Set(faults.map((f) => f.kind));
    assert.deepEqual(
      [...kinds].sort(),
      ['corrupt', 'gateway-ffmpeg', 'host-crash', 'publisher', 'resolution', 'server'],
      `seed ${seed}`,
    );
    assert.ok(faults.find((f) => f.kind === 'host-crash')!.at < 90);
    assert.equal(faults.find((f) => f.kind === 'resolution')!.camera, 9);
    assert.equal(faults.find((f) => f.kind === 'corrupt')!.camera, 5);
  }
});

test('over two hours a publisher dies every 30 to 90 s or so, on cameras other than the special two', () => {
  const faults = plan({ ...opts, seconds: 7200, seed: 7 });
  check(faults, 7200);
  const pub = faults.filter((f) => f.kind === 'publisher');
  assert.ok(pub.length >= 7200 / 90 - 10 && pub.length <= 7200 / 30, `${pub.length} publisher faults`);
  assert.ok(pub.every((f) => f.camera !== 9 && f.camera !== 5 && f.seconds >= 5 && f.seconds <= 20));
  assert.ok(faults.filter((f) => f.kind === 'gateway-ffmpeg').length >= 40);
  assert.deepEqual(plan({ ...opts, seconds: 7200, seed: 7 }), faults, 'a seed replays its schedule');
});
