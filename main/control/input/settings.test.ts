import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyDeviceSettings, DEFAULT_INPUT_SETTINGS, parseInputSettings, shapeAxis } from './settings';
import { parseJoystickSelector, parseKeyboardConfig } from './device-config';

test('defaults: 8 % dead zone, expo 0.6, no inversion, buttons 2/3 step cameras', () => {
  assert.equal(DEFAULT_INPUT_SETTINGS.deadZone, 0.08);
  assert.equal(DEFAULT_INPUT_SETTINGS.expo, 0.6);
  assert.deepEqual(DEFAULT_INPUT_SETTINGS.invert, { pan: false, tilt: false, zoom: false });
  assert.deepEqual(DEFAULT_INPUT_SETTINGS.buttons['3'], { action: 'next-camera' });
});

test('partial settings are completed; malformed ones are refused with a code and a path', () => {
  const r = parseInputSettings({ deadZone: 0.1, invert: { tilt: true } });
  assert.ok(r.ok);
  assert.equal(r.value.deadZone, 0.1);
  assert.deepEqual(r.value.invert, { pan: false, tilt: true, zoom: false });
  for (const bad of [
    { deadZone: 2 },
    { expo: 'x' },
    { buttons: { '0': { action: 'stop' } } },
    { nope: 1 },
    5,
  ]) {
    const b = parseInputSettings(bad);
    assert.equal(b.ok, false);
    if (!b.ok) assert.equal(b.code, 'settings.invalid');
  }
});

test('shaping: nothing inside the dead zone, full travel at the end, gentler than linear in between', () => {
  const s = (x: number): number => shapeAxis(x, 0.08, 0.6);
  assert.equal(s(0.05), 0);
  assert.equal(s(-0.08), 0);
  assert.ok(s(0.09) > 0 && s(0.09) < 0.01, 'continuous just past the dead zone');
  assert.equal(s(1), 1);
  assert.equal(s(-1), -1);
  assert.equal(s(-0.5), -s(0.5));
  assert.ok(s(0.5) < (0.5 - 0.08) / 0.92, 'expo softens mid-travel for fine aiming');
  assert.equal(s(Number.NaN), 0);
  assert.equal(s(7), 1);
});

test('inversion flips axes; a mapped button becomes its action on press only', () => {
  const s = parseInputSettings({ invert: { pan: true }, buttons: { '4': { action: 'preset', preset: 9 } } });
  assert.ok(s.ok);
  assert.deepEqual(applyDeviceSettings({ kind: 'move', pan: 0.5, tilt: 0.2, zoom: 0 }, s.value), {
    kind: 'move',
    pan: -0.5,
    tilt: 0.2,
    zoom: 0,
  });
  assert.deepEqual(applyDeviceSettings({ kind: 'button', button: 4, pressed: true }, s.value), {
    kind: 'goto-preset',
    preset: 9,
  });
  assert.equal(applyDeviceSettings({ kind: 'button', button: 4, pressed: false }, s.value), null);
  assert.deepEqual(applyDeviceSettings({ kind: 'button', button: 7, pressed: true }, s.value), {
    kind: 'button',
    button: 7,
    pressed: true,
  });
});

test('device options: keyboard path, protocol and baud; joystick auto or VID:PID', () => {
  assert.deepEqual(parseKeyboardConfig({ path: '/dev/ttyUSB0', protocol: 'pelco-p', baud: 4800 }), {
    ok: true,
    value: { path: '/dev/ttyUSB0', protocol: 'pelco-p', baud: 4800 },
  });
  assert.deepEqual(parseKeyboardConfig({ path: '/dev/ttyUSB0', protocol: 'pelco-p', baud: 115200 }), {
    ok: false,
    code: 'device.config_invalid',
    field: 'baud',
  });
  assert.equal(parseKeyboardConfig({ path: '/dev/ttyS0', protocol: 'visca' }).ok, false);
  assert.deepEqual(parseJoystickSelector('AUTO'), { ok: true, value: { kind: 'auto' } });
  assert.deepEqual(parseJoystickSelector('046d:C215'), {
    ok: true,
    value: { kind: 'id', vendorId: 0x046d, productId: 0xc215 },
  });
  for (const bad of ['046d', '046d:c215:1', 'zzzz:0000', ''])
    assert.equal(parseJoystickSelector(bad).ok, false, bad);
});

test('a button mapped to a camera call calls that camera onto the selected tile; camera 0 is refused', () => {
  const s = parseInputSettings({ buttons: { '6': { action: 'call-camera', camera: 12 } } });
  assert.ok(s.ok);
  assert.deepEqual(applyDeviceSettings({ kind: 'button', button: 6, pressed: true }, s.value), {
    kind: 'call-camera',
    camera: 12,
  });
  assert.equal(parseInputSettings({ buttons: { '6': { action: 'call-camera', camera: 0 } } }).ok, false);
});
