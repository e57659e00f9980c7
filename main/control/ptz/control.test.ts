/** Control-loop timing, on node:test mock timers (no sleeps): every time below is a mocked millisecond. */
import { beforeEach, afterEach, mock, test } from 'node:test';
import assert from 'node:assert/strict';
import { PtzControl, type ControlEvent, type ConsoleIntent } from './control';
import { quantise } from './camera-loop';
import { done, type PtzDriver, type PtzResult } from './driver';

interface Call {
  op: 'move' | 'stop' | 'preset' | 'close';
  args: unknown[];
  at: number;
}

class FakeDriver implements PtzDriver {
  calls: Call[] = [];
  manual = false;
  result: PtzResult = done;
  reject = false;
  private pending: (() => void)[] = [];
  private op(op: Call['op'], args: unknown[]): Promise<PtzResult> {
    this.calls.push({ op, args, at: Date.now() });
    if (this.reject) return Promise.reject(new Error('boom'));
    if (!this.manual) return Promise.resolve(this.result);
    return new Promise((r) => this.pending.push(() => r(this.result)));
  }
  answer(): void {
    this.pending.shift()?.();
  }
  move = (pan: number, tilt: number, zoom: number): Promise<PtzResult> => this.op('move', [pan, tilt, zoom]);
  stop = (): Promise<PtzResult> => this.op('stop', []);
  presets = async (): Promise<PtzResult<{ token: string; name: string }[]>> => ({ ok: true, value: [] });
  gotoPreset = (t: string): Promise<PtzResult> => this.op('preset', [t]);
  close = async (): Promise<void> => void this.calls.push({ op: 'close', args: [], at: Date.now() });
  moves = (): Call[] => this.calls.filter((c) => c.op === 'move');
  ops = (): string[] => this.calls.map((c) => `${c.op}@${c.at}`);
}

const flush = async (): Promise<void> => {
  for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
};
let now = 0;
/** Advances mocked time in 5 ms steps, letting driver promises settle in between, as real time would. */
async function advanceTo(t: number): Promise<void> {
  while (now < t) {
    const step = Math.min(5, t - now);
    mock.timers.tick(step);
    now += step;
    await flush();
  }
}

beforeEach(() => {
  mock.timers.enable({ apis: ['setTimeout', 'Date'], now: 0 });
  now = 0;
});
afterEach(() => mock.timers.reset());

function setup(): { ctl: PtzControl; d: FakeDriver; events: ControlEvent[] } {
  const ctl = new PtzControl();
  const d = new FakeDriver();
  const events: ControlEvent[] = [];
  ctl.on('event', (e) => events.push(e));
  ctl.attach('cam-1', d);
  ctl.select('cam-1');
  return { ctl, d, events };
}
const move = (pan: number, tilt = 0, zoom = 0) => ({ kind: 'move', pan, tilt, zoom }) as const;

test('dead zone and expo, then 16 steps; the first input goes out at once', async () => {
  assert.equal(quantise(0.2397, 16), 0.25);
  assert.equal(quantise(-0.001, 16), -1 / 16, 'any motion past the dead zone is at least one step');
  const { ctl, d } = setup();
  ctl.handle(move(1, 0.5, 0.05));
  await flush();
  assert.deepEqual(d.calls, [{ op: 'move', args: [1, 0.25, 0], at: 0 }]);
});

test('speed changes go out at most every 100 ms, and the newest value wins', async () => {
  const { ctl, d } = setup();
  for (const [t, v] of [
    [0, 1],
    [20, 0.5],
    [40, 0.7],
    [60, 0.9],
  ] as const) {
    await advanceTo(t);
    ctl.handle(move(v));
  }
  await advanceTo(150);
  assert.deepEqual(
    d.moves().map((c) => [c.at, c.args[0]]),
    [
      [0, 1],
      [100, 0.8125],
    ],
  );
});

test('a held stick sends a keepalive every 500 ms and nothing more', async () => {
  const { ctl, d } = setup();
  for (let t = 0; t <= 2000; t += 250) {
    await advanceTo(t);
    ctl.handle(move(1));
  }
  await advanceTo(2010);
  assert.deepEqual(
    d.moves().map((c) => c.at),
    [0, 500, 1000, 1500, 2000],
  );
});

test('release sends Stop at once, even inside the 100 ms window', async () => {
  const { ctl, d, events } = setup();
  ctl.handle(move(1));
  await advanceTo(30);
  ctl.handle({ kind: 'stop' });
  await flush();
  assert.deepEqual(d.ops(), ['move@0', 'stop@30']);
  assert.ok(events.some((e) => e.type === 'stopped' && e.reason === 'release'));
});

test('one request in flight per camera: inputs during it collapse to the newest', async () => {
  const { ctl, d } = setup();
  d.manual = true;
  ctl.handle(move(1));
  await advanceTo(150);
  ctl.handle(move(0.5));
  await advanceTo(300);
  ctl.handle(move(-1));
  await advanceTo(400);
  assert.equal(d.calls.length, 1, 'nothing else while the first is unanswered');
  d.answer();
  await flush();
  assert.deepEqual(
    d.calls.map((c) => [c.at, c.args[0]]),
    [
      [0, 1],
      [400, -1],
    ],
  );
});

test('the watchdog stops the camera when input falls silent for 1 s', async () => {
  const { ctl, d, events } = setup();
  ctl.handle(move(1));
  await advanceTo(1500);
  assert.deepEqual(d.ops(), ['move@0', 'move@500', 'stop@1000']);
  assert.ok(events.some((e) => e.type === 'stopped' && e.reason === 'watchdog'));
});

test('stopAll(reason) stops every moving camera; switching tiles stops the one left behind', async () => {
  const { ctl, d } = setup();
  const d2 = new FakeDriver();
  ctl.attach('cam-2', d2);
  ctl.handle(move(1));
  await advanceTo(10);
  ctl.select('cam-2');
  await flush();
  assert.deepEqual(d.ops(), ['move@0', 'stop@10']);
  ctl.handle(move(0, 1));
  await flush();
  let settled = false;
  void ctl.stopAll('blur').then(() => (settled = true));
  await flush();
  assert.ok(settled);
  assert.deepEqual(d2.ops(), ['move@10', 'stop@10']);
  assert.deepEqual(d.ops(), ['move@0', 'stop@10'], 'a still camera gets nothing more');
});

test('errors are codes on an event, reported once, and the loop goes on', async () => {
  const { ctl, d, events } = setup();
  d.result = { ok: false, code: 'ptz.unreachable' };
  for (let t = 0; t <= 1200; t += 250) {
    await advanceTo(t);
    ctl.handle(move(1));
  }
  const errors = events.filter((e) => e.type === 'error');
  assert.deepEqual(errors, [{ type: 'error', code: 'ptz.unreachable', camera: 'cam-1' }]);
  assert.ok(d.moves().length >= 3, 'keepalives kept trying');
  d.result = done;
  d.reject = true;
  await advanceTo(1600);
  assert.ok(
    events.some((e) => e.type === 'error' && e.code === 'ptz.camera_error'),
    'a rejected promise is a code',
  );
});

test('a failed Stop is retried, spaced out, a bounded number of times', async () => {
  const { ctl, d } = setup();
  ctl.handle(move(1));
  await flush();
  d.result = { ok: false, code: 'ptz.unreachable' };
  ctl.handle({ kind: 'stop' });
  await advanceTo(1000);
  assert.deepEqual(d.ops(), ['move@0', 'stop@0', 'stop@100', 'stop@200', 'stop@300']);
  // Quitting tries again, and still returns once its own attempts are spent: quit never hangs.
  let idle = false;
  void ctl.stopAll('quit').then(() => (idle = true));
  await advanceTo(1400);
  assert.ok(idle);
  assert.equal(d.calls.filter((c) => c.op === 'stop').length, 8);
});

test('detach (lease end) sends Stop before closing the driver; later input reaches nothing', async () => {
  const { ctl, d } = setup();
  ctl.handle(move(1));
  await flush();
  await ctl.detach('cam-1', 'lease-end');
  assert.deepEqual(d.ops(), ['move@0', 'stop@0', 'close@0']);
  ctl.handle(move(1));
  await advanceTo(600);
  assert.equal(d.calls.length, 3);
  assert.equal(ctl.isAttached('cam-1'), false);
});

test('presets go to the selected camera; console intents pass through untouched', async () => {
  const { ctl, d } = setup();
  const seen: ConsoleIntent[] = [];
  ctl.on('console', (i) => seen.push(i));
  ctl.handle(move(1));
  await advanceTo(50);
  ctl.handle({ kind: 'goto-preset', preset: 4 });
  ctl.handle({ kind: 'call-camera', camera: 12 });
  await flush();
  assert.deepEqual(d.ops(), ['move@0', 'preset@50']);
  assert.deepEqual(d.calls[1]!.args, ['4']);
  assert.deepEqual(seen, [{ kind: 'call-camera', camera: 12 }]);
  await advanceTo(2000);
  assert.deepEqual(
    d.ops(),
    ['move@0', 'preset@50'],
    'no Stop after a preset: the camera is on its way there',
  );
});
