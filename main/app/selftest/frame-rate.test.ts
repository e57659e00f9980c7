/** The frame rate from framecrc lines: from the first key frame, on the stream's own clock. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FramecrcReader, RateMeter } from './frame-rate';

const HEAD =
  '#extradata 0:       35, 0x812707fd\n#software: Lavf59.27.100\n#tb 0: 1/90000\n#media_type 0: video\n';
const line = (pts: number, key: boolean, extra = ''): string =>
  `0, ${String(pts).padStart(10)}, ${String(pts).padStart(10)},     3600,     4638, 0x89fd678c${key ? '' : ', F=0x0'}${extra}\n`;

test('framecrc lines: time base, pts in seconds, key frames by their flags, lines split across chunks', () => {
  const r = new FramecrcReader();
  const text = HEAD + line(90_000, false) + line(93_600, true, ', S=1,       16') + line(97_200, false);
  const packets = [...r.feed(text.slice(0, 150)), ...r.feed(text.slice(150))];
  assert.deepEqual(packets, [
    { t: 1, key: false },
    { t: 1.04, key: true },
    { t: 1.08, key: false },
  ]);
  // No pts (AV_NOPTS_VALUE): the dts is used; flags with the key bit and another are a key frame.
  assert.deepEqual(r.feed('0,     180000, -9223372036854775808,     3600,     10, 0x0, F=0x5\n'), [
    { t: 2, key: true },
  ]);
  // Before its time base, or another stream's, nothing is read.
  assert.deepEqual(new FramecrcReader().feed(line(0, true)), []);
});

test('the rate starts at the first key frame: a long GOP delays the figure, never lowers it', () => {
  for (const [fps, gopS] of [
    [25, 8],
    [12.5, 4],
  ] as const) {
    const m = new RateMeter(2);
    const period = 1 / fps;
    let t = 100;
    // Joined mid-GOP: the rest of it (up to 8 s) cannot be decoded yet.
    const waiting = Math.round((gopS - 1) * fps);
    for (let i = 0; i < waiting; i++, t += period) m.add({ t, key: false });
    assert.equal(m.started, false);
    assert.equal(m.before, waiting);
    for (let n = 0; !m.done; n++) m.add({ t: t + n * period, key: n === 0 });
    assert.ok(Math.abs(m.fps()! - fps) < 1e-9, `${fps} i/s: ${m.fps()}`);
  }
});

test('a clock that jumps (a camera restarting) starts the measurement again at the next key frame', () => {
  const m = new RateMeter(1);
  m.add({ t: 10, key: true });
  m.add({ t: 10.04, key: false });
  m.add({ t: 500, key: false });
  assert.equal(m.started, false);
  m.add({ t: 500.04, key: true });
  for (let i = 1; i <= 10; i++) m.add({ t: 500.04 + i * 0.1, key: false });
  assert.equal(m.done, true);
  assert.ok(Math.abs(m.fps()! - 10) < 1e-9);
});
