/** PTZ payloads and rights at main's door: what a hostile window sends is refused before any handler. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ChannelsOf } from '../../../common/contract';
import type { Permission } from '../../../common/roles';
import { can } from '../../records/auth/roles';
import { ptzEvents, ptzHandlers } from './ptz-handlers';

/** The ptz module's own defs: each channel's schema and right, as the router reads them. */
const defs = ptzHandlers({ service: {} as never, status: () => null });
const refused = (channel: ChannelsOf<'ptz'>, payload: unknown): boolean =>
  !defs[channel].input.safeParse(payload).success;

test('PTZ payloads: speeds within [-1, 1], bounded event text without control characters', () => {
  assert.ok(!refused('ptz:move', { cameraId: 1, pan: 1, tilt: -1, zoom: 0 }));
  assert.ok(refused('ptz:move', { cameraId: 1, pan: 5, tilt: 0, zoom: 0 }), 'speed out of range');
  assert.ok(refused('ptz:move', { cameraId: 1, pan: Number.NaN, tilt: 0, zoom: 0 }));
  assert.ok(refused('ptz:move', { cameraId: 1, pan: 0, tilt: 0, zoom: 0, extra: 1 }), 'unknown field');
  assert.ok(!refused('ptz:take', { cameraId: 1, eventRef: 'EV-1', reason: 'Rixe' }));
  assert.ok(refused('ptz:take', { cameraId: 1, eventRef: 'EV-1\r\nBcc: x@y', reason: 'Rixe' }));
  assert.ok(refused('ptz:take', { cameraId: 1, eventRef: '   ', reason: 'Rixe' }), 'blank reference');
  assert.ok(refused('ptz:take', { cameraId: 1, eventRef: 'EV', reason: 'x'.repeat(301) }));
  assert.ok(refused('ptz:stop', { cameraId: 1, reason: 'whim' }));
  assert.ok(refused('ptz:goto-preset', { cameraId: 1, token: '' }));
  assert.ok(refused('ptz:settings-set', { deadZone: 0.9, expo: 0.6, invert: {}, buttons: {} }));
});

test('PTZ rights: viewers and technicians never steer; everyone who sees images sees the holder', () => {
  const steer = ['ptz:take', 'ptz:move', 'ptz:stop', 'ptz:goto-preset', 'ptz:select'] as const;
  for (const c of steer) {
    const need = defs[c].access as Permission;
    assert.ok(can('ptz', need) && can('supervisor', need), c);
    assert.ok(!can('viewer', need) && !can('technician', need) && !can('head', need), c);
  }
  assert.equal(ptzEvents['ptz:leases'], 'view');
  assert.equal(ptzEvents['ptz:devices'], 'ptz');
  assert.ok(can('technician', defs['ptz:settings-set'].access as Permission));
  assert.ok(!can('ptz', defs['ptz:settings-set'].access as Permission));
});
