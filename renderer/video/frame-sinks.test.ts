import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writerSink } from './frame-sinks';
import { parseOptions } from './options';

/** A stand-in for a decoded frame: only what the sink touches. */
const frame = (n: number): VideoFrame & { closed: boolean } => {
  const f = { n, closed: false, close: () => void (f.closed = true) };
  return f as unknown as VideoFrame & { closed: boolean };
};

test('a generator writer never queues: one write in flight, the newest frame waits, older ones are dropped', async () => {
  const written: number[] = [];
  const pending: (() => void)[] = [];
  const writable = new WritableStream<VideoFrame>({
    write: (f) =>
      new Promise<void>((resolve) => {
        written.push((f as unknown as { n: number }).n);
        pending.push(resolve);
      }),
  });
  const shown: number[] = [];
  const skipped: number[] = [];
  const sink = writerSink(writable);
  const frames = [1, 2, 3, 4].map(frame);
  for (const f of frames)
    sink.show(
      f,
      () => shown.push((f as unknown as { n: number }).n),
      () => skipped.push((f as unknown as { n: number }).n),
    );
  await new Promise((r) => setTimeout(r, 0));
  // The page (or generator) is slow: frame 1 is being written, 2 and 3 were replaced by 4.
  assert.deepEqual(written, [1]);
  assert.deepEqual(skipped, [2, 3]);
  assert.ok(frames[1]!.closed && frames[2]!.closed, 'replaced frames are released at once');
  assert.deepEqual(shown, []);
  pending.shift()!();
  await new Promise((r) => setTimeout(r, 0));
  // Frame 1 is shown (its lag counted now, not at decode) and the newest one follows.
  assert.deepEqual(shown, [1]);
  assert.deepEqual(written, [1, 4]);
  pending.shift()!();
  await new Promise((r) => setTimeout(r, 0));
  assert.deepEqual(shown, [1, 4]);
  assert.ok(
    frames.every((f) => f.closed),
    'every frame is closed once written (a transferred stream sends a copy)',
  );
  // Closed: nothing more is written, and a late frame is released.
  sink.close();
  const late = frame(5);
  sink.show(late, assert.fail, assert.fail);
  assert.ok(late.closed);
  assert.deepEqual(written, [1, 4]);
});

test('the worker-decoded generator path can be forced from the address', () => {
  assert.equal(parseOptions('?render=worker-generator').render, 'worker-generator');
  assert.equal(parseOptions('?render=generator').render, 'generator');
  assert.equal(parseOptions('?render=worker-generator-x').render, 'auto');
});
