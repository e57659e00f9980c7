import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { parseReportDescriptor, type HidLayout } from './hid-descriptor';
import { decodeReport } from './hid-report';
import { chooseProfile, toMove } from './hid-profiles';
import { JoystickSource, type HidCandidate } from './hid-source';
import type { Intent } from './intent';
import { captureLog } from '../../../test-support/platform/log-capture';
import { setLogLevel } from '../../platform/log/logger';
import { EXTREME_3D_PRO, GENERIC_GAMEPAD } from '../../../test-support/control/hid-recordings';

const layoutOf = (d: Buffer): HidLayout => {
  const r = parseReportDescriptor(d);
  assert.ok(r.ok, 'descriptor parses');
  return r.layout;
};
const near = (a: number | undefined, b: number, eps = 0.01): void =>
  assert.ok(a !== undefined && Math.abs(a - b) < eps, `${a} ≈ ${b}`);

test('Extreme 3D Pro descriptor: 10-bit X/Y, hat, twist, slider, 12 buttons, 7-byte report', () => {
  const l = layoutOf(EXTREME_3D_PRO.descriptor);
  assert.equal(l.application, 0x04);
  assert.equal(l.usesReportIds, false);
  assert.equal(l.reportBytes.get(0), 7);
  const x = l.fields.find((f) => f.usagePage === 1 && f.usage === 0x30)!;
  assert.deepEqual([x.bitOffset, x.bitSize, x.logicalMin, x.logicalMax], [0, 10, 0, 1023]);
  const rz = l.fields.find((f) => f.usage === 0x35)!;
  assert.equal(rz.bitOffset, 24);
  assert.equal(l.fields.filter((f) => f.usagePage === 9).length, 12);
});

test('Extreme 3D Pro reports decode to axes and buttons, and the profile pans, tilts and twist-zooms', () => {
  const l = layoutOf(EXTREME_3D_PRO.descriptor);
  const p = chooseProfile(l, EXTREME_3D_PRO.vendorId, EXTREME_3D_PRO.productId);
  assert.equal(p.id, 'cctv-3axis');

  const rest = decodeReport(l, EXTREME_3D_PRO.reports.rest);
  assert.ok(rest.ok);
  assert.equal(rest.state.hat, null, 'hat released is the null state');
  assert.equal(toMove(p, rest.state), null, 'a stick at rest is no move');

  const a = decodeReport(l, EXTREME_3D_PRO.reports.rightForwardTwistTrigger);
  assert.ok(a.ok);
  assert.equal(a.state.buttons.get(1), true);
  const m = toMove(p, a.state)!;
  near(m.pan, 1);
  near(m.tilt, 1);
  near(m.zoom, 1);

  const b = decodeReport(l, EXTREME_3D_PRO.reports.leftBackTwistButton12);
  assert.ok(b.ok);
  assert.equal(b.state.buttons.get(12), true);
  assert.equal(b.state.buttons.get(1), false);
  const n = toMove(p, b.state)!;
  near(n.pan, -1);
  near(n.tilt, -1);
  near(n.zoom, -1);
});

test('gamepad with report IDs: signed axes, the right stick zooms, other reports are skipped', () => {
  const l = layoutOf(GENERIC_GAMEPAD.descriptor);
  assert.equal(l.usesReportIds, true);
  const p = chooseProfile(l, GENERIC_GAMEPAD.vendorId, GENERIC_GAMEPAD.productId);
  assert.equal(p.id, 'gamepad');
  const r = decodeReport(l, GENERIC_GAMEPAD.reports.panRightTiltDownZoomIn);
  assert.ok(r.ok);
  assert.equal(r.state.buttons.get(3), true);
  const m = toMove(p, r.state)!;
  near(m.pan, 1);
  near(m.tilt, -1);
  near(m.zoom, 1);
  const v = decodeReport(l, GENERIC_GAMEPAD.reports.vendorStatus);
  assert.ok(v.ok && toMove(p, v.state) === null);
  assert.deepEqual(decodeReport(l, Buffer.from([0x03, 0, 0])), { ok: false, code: 'hid.report_unknown' });
  assert.deepEqual(decodeReport(l, Buffer.from([0x01, 0x7f])), { ok: false, code: 'hid.report_short' });
});

test('malformed descriptors are refused with a code, never a throw', () => {
  const cases = [
    Buffer.from([0x05, 0x01, 0x26, 0xff]), // item runs past the end
    Buffer.from([0x05, 0x01, 0xc0]), // end collection without a collection
    Buffer.from([0x05, 0x01, 0xa1, 0x01]), // collection never closed
    Buffer.from([0xa1, 0x01, 0x75, 0x20, 0x96, 0xff, 0xff, 0x81, 0x02, 0xc0]), // absurd report
    Buffer.from([0xa1, 0x01, 0xb4, 0xc0]), // pop with an empty stack
  ];
  for (const d of cases) {
    const r = parseReportDescriptor(d);
    assert.equal(r.ok, false, d.toString('hex'));
  }
});

class FakeHid extends EventEmitter {
  closed = false;
  close(): void {
    this.closed = true;
  }
}

test('joystick source: moves, a mapped button, unplug gives a stop, replug reconnects', async () => {
  let plugged = true;
  let dev = new FakeHid();
  const candidate = (): HidCandidate => ({ ...EXTREME_3D_PRO, open: () => (dev = new FakeHid()) });
  const js = new JoystickSource({ backend: { find: () => (plugged ? candidate() : null) }, reopenMs: 5 });
  const intents: Intent[] = [];
  js.on('intent', (i) => intents.push(i));
  const until = async (c: () => boolean): Promise<void> => {
    for (let k = 0; k < 400 && !c(); k++) await new Promise((r) => setTimeout(r, 5));
    assert.ok(c());
  };
  setLogLevel('info');
  const connectLog = captureLog();
  try {
    await until(() => js.state.state === 'connected');
    connectLog.restore();
    assert.ok(
      connectLog.lines.some((l) => l.endsWith('INFO  [joystick] joystick connected: 046d:c215 (cctv-3axis)')),
      connectLog.lines.join('\n'),
    );
    dev.emit('data', EXTREME_3D_PRO.reports.rightForwardTwistTrigger);
    const move = intents.find((i) => i.kind === 'move');
    assert.ok(move && move.kind === 'move' && move.pan > 0.99);
    assert.deepEqual(intents[0], { kind: 'button', button: 1, pressed: true });
    dev.emit('data', EXTREME_3D_PRO.reports.button3); // default mapping: button 3 = next camera
    assert.deepEqual(intents.slice(-3), [
      { kind: 'button', button: 1, pressed: false },
      { kind: 'step-camera', delta: 1 },
      { kind: 'stop' },
    ]);
    dev.emit('data', EXTREME_3D_PRO.reports.rightForwardTwistTrigger);
    plugged = false;
    const old = dev;
    const log = captureLog();
    try {
      dev.emit('error', new Error('could not read from HID device'));
    } finally {
      log.restore();
    }
    assert.deepEqual(
      log.lines.filter((l) => l.includes(' INFO  [joystick] ')).map((l) => l.replace(/^\S+ /, '')),
      [
        'INFO  [joystick] joystick disconnected: 046d:c215 (could not read from HID device); waiting for it to come back',
      ],
    );
    assert.deepEqual(intents.at(-1), { kind: 'stop' });
    assert.ok(old.closed);
    assert.deepEqual(js.state, { state: 'disconnected', reason: 'device.unplugged' });
    plugged = true;
    await until(() => js.state.state === 'connected' && dev !== old);
  } finally {
    await js.close();
  }
});
