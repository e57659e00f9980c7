/** Issue 20 §9: the joystick panel's live axes and buttons, as main reports them. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { PtzInputView } from '../../../common/contract';
import { InputMonitor } from './input-monitor';

function setup() {
  const seen: PtzInputView[] = [];
  const timers: (() => void)[] = [];
  const m = new InputMonitor((v) => seen.push(v), {
    setTimer: (fn) => timers.push(fn),
    clearTimer: () => {},
  });
  const tick = () => timers.shift()?.();
  return { m, seen, tick, timers };
}

test('a move shows at once; buttons held are listed by number until released', () => {
  const { m, seen, tick } = setup();
  m.feed({ kind: 'move', pan: 0.5, tilt: -0.25, zoom: 0 });
  assert.deepEqual(seen, [{ pan: 0.5, tilt: -0.25, zoom: 0, buttons: [] }]);
  m.feed({ kind: 'button', button: 7, pressed: true });
  m.feed({ kind: 'button', button: 2, pressed: true });
  tick();
  assert.deepEqual(seen.at(-1), { pan: 0.5, tilt: -0.25, zoom: 0, buttons: [2, 7] });
  m.feed({ kind: 'button', button: 7, pressed: false });
  m.feed({ kind: 'stop' });
  tick();
  assert.deepEqual(seen.at(-1), { pan: 0, tilt: 0, zoom: 0, buttons: [2] });
});

test('a flood of moves is reported once per interval, and the last state always arrives', () => {
  const { m, seen, tick, timers } = setup();
  for (let i = 1; i <= 100; i++) m.feed({ kind: 'move', pan: i / 100, tilt: 0, zoom: 0 });
  assert.equal(seen.length, 1, 'the first at once, the rest wait for the interval');
  tick();
  assert.equal(seen.length, 2);
  assert.equal(seen.at(-1)!.pan, 1);
  tick(); // nothing new: the monitor goes quiet
  assert.equal(seen.length, 2);
  assert.equal(timers.length, 0);
  // Intents that are not about the stick or buttons change nothing.
  m.feed({ kind: 'goto-preset', preset: 3 });
  assert.equal(seen.length, 2);
});
