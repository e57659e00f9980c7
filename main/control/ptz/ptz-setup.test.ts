import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { nodeHidBackend, sysfsDescriptor, type NodeHidApi } from '../input/node-hid-backend';
import { EXTREME_3D_PRO } from '../../../test-support/control/hid-recordings';
import { hostOptions } from '../../app/flags/post-options';
import type { PtzOptions } from './ptz-module';

/** The PTZ options of a host command line, through the real flag parser; or the flag refused. */
function ptz(argv: string[]): PtzOptions | string {
  const r = hostOptions(argv, {});
  if (!r.ok) return r.error.subject;
  assert.ok(!r.help);
  return r.value.services.ptz ?? {};
}

test('host PTZ flags: valid ones are read, a bad one is named and nothing opens', () => {
  const r = ptz([
    '--keyboard',
    '/dev/ttyUSB0',
    '--keyboard-protocol',
    'pelco-p',
    '--keyboard-baud=4800',
    '--joystick',
    '046D:C215',
    '--lease-minutes',
    '5',
    '--lease-minute-seconds',
    '6',
    '--csu-webhook',
    'http://127.0.0.1:9/csu',
    '--csu-mail-to',
    'a@example.fr',
    '--csu-mail-to=b@example.fr',
  ]);
  assert.ok(typeof r === 'object');
  assert.deepEqual(r.keyboard, { path: '/dev/ttyUSB0', protocol: 'pelco-p', baud: 4800 });
  assert.deepEqual(r.joystick, { kind: 'id', vendorId: 0x046d, productId: 0xc215 });
  assert.equal(r.leaseMinutes, 5);
  assert.equal(r.leaseMinuteMs, 6000);
  assert.equal(r.csuMailTo, 'a@example.fr,b@example.fr', 'a repeatable flag adds up');
  for (const [argv, flag] of [
    [['--keyboard', '/dev/x', '--keyboard-protocol', 'visca'], '--keyboard-protocol'],
    [['--keyboard', '/dev/x', '--keyboard-baud', '1200'], '--keyboard-baud'],
    [['--keyboard-baud', '4800'], '--keyboard-baud'],
    [['--joystick', 'le-premier'], '--joystick'],
    [['--lease-minutes', '-3'], '--lease-minutes'],
    [['--lease-minutes', '0.5'], '--lease-minutes'],
    [['--lease-minutes', '40', '--lease-max-minutes', '30'], '--lease-minutes'],
    [['--lease-minute-seconds', '0'], '--lease-minute-seconds'],
    [['--lease-max-minutes', '1e9'], '--lease-max-minutes'],
    [['--csu-webhook', 'http://x/\n'], '--csu-webhook'],
    [['--csu-webhook', 'http://a', '--csu-webhook', 'http://b'], '--csu-webhook'],
  ] as const)
    assert.equal(ptz([...argv]), flag, JSON.stringify(argv));
});

test('node-hid backend: auto takes the first stick, VID:PID one model; unreadable devices are skipped', () => {
  const opened: string[] = [];
  const api: NodeHidApi = {
    devices: () => [
      { vendorId: 1, productId: 1, path: '/dev/hidraw0', usagePage: 1, usage: 6 }, // a keyboard
      { vendorId: 2, productId: 2, path: '/dev/hidraw1', usagePage: 1, usage: 4 }, // descriptor unreadable
      { vendorId: 0x046d, productId: 0xc215, path: '/dev/hidraw2', usagePage: 1, usage: 4 },
    ],
    HID: class extends EventEmitter {
      constructor(p: string) {
        super();
        opened.push(p);
      }
      close(): void {}
    },
  };
  const desc = (p: string) => (p === '/dev/hidraw1' ? null : EXTREME_3D_PRO.descriptor);
  const auto = nodeHidBackend({ kind: 'auto' }, api, desc).find();
  assert.equal(auto?.vendorId, 0x046d);
  auto?.open();
  assert.deepEqual(opened, ['/dev/hidraw2']);
  assert.equal(nodeHidBackend({ kind: 'id', vendorId: 1, productId: 1 }, api, desc).find()?.productId, 1);
  assert.equal(nodeHidBackend({ kind: 'id', vendorId: 9, productId: 9 }, api, desc).find(), null);
  const throwing: NodeHidApi = {
    ...api,
    devices: () => {
      throw new Error('libusb');
    },
  };
  assert.equal(nodeHidBackend({ kind: 'auto' }, throwing, desc).find(), null);
  assert.equal(sysfsDescriptor('/dev/../etc/passwd'), null, 'only hidraw names reach sysfs');
});
