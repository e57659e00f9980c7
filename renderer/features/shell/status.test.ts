import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { StreamStatus } from '../../../common/contract';
import type { PtzLeaseView } from '../../../common/contract';
import type { WallView } from '../../../common/contract';
import { statusItems, type StatusInput } from './status';

const NOW = 1_800_000_000_000;
const status = (cameraId: number, state: StreamStatus['state']): StreamStatus => ({
  key: `${cameraId}:sub:annexb`,
  cameraId,
  stream: 'sub',
  format: 'annexb',
  state,
  reason: state === 'offline' ? 'unreachable' : null,
  lastFrameAt: null,
  codec: null,
  width: null,
  height: null,
});
const wall = (over: Partial<WallView> = {}): WallView => ({
  state: { layout: '2x2', tiles: [], rev: 1 },
  link: 'local',
  shown: ['playing', 'empty', 'empty', 'empty'],
  presets: [],
  displayMissing: null,
  display: null,
  ...over,
});
const lease = (cameraId: number, login: string, left: number): PtzLeaseView => ({
  cameraId,
  holder: { login, name: 'Léa Moreau', rank: 'Gardienne', service: 'CIC', post: 'CIC-1' },
  priority: 1,
  grantedAt: NOW - 60_000,
  expiresAt: NOW + left,
  notified: 'csu',
});
const base: StatusInput = {
  permissions: ['view', 'ptz', 'wall', 'operations'],
  login: 'agent',
  post: 'CIC-1',
  wall: wall(),
  shownCameras: [1, 2, null, null],
  cameras: [],
  statuses: { a: status(1, 'playing'), b: status(2, 'playing') },
  leases: {},
  devices: [],
  operations: [],
  registry: { state: 'writing' },
  now: NOW,
};
const kinds = (i: StatusInput): string[] => statusItems(i).map((x) => `${x.kind}:${x.key}`);

test('nothing needs attention: an empty status area', () => {
  assert.deepEqual(kinds(base), []);
});

test('the wall: its link, its display, and a wall with no page connected', () => {
  assert.deepEqual(kinds({ ...base, wall: wall({ link: 'down' }) }), ['wall:status.wall.down']);
  assert.deepEqual(kinds({ ...base, wall: wall({ link: 'wall-pin-mismatch' }) }), [
    'wall:status.wall.wall-pin-mismatch',
  ]);
  assert.deepEqual(kinds({ ...base, wall: wall({ displayMissing: 'DP-2' }) }), [
    'wall:status.wall.displayMissing',
  ]);
  assert.deepEqual(kinds({ ...base, wall: wall({ shown: [] }) }), ['wall:status.wall.noPage']);
  // Without the wall right, none of it.
  assert.deepEqual(kinds({ ...base, permissions: ['view'], wall: wall({ link: 'down' }) }), []);
});

test('cameras in fault on the console’s tiles or on the wall, named by number', () => {
  const i = {
    ...base,
    statuses: { a: status(1, 'offline'), b: status(2, 'stalled'), c: status(9, 'offline') },
  };
  const [item] = statusItems(i);
  assert.equal(item?.kind, 'cameras');
  assert.equal(item?.key, 'status.cameras.many');
  assert.deepEqual(item?.params, { count: 2, ids: '1, 2' }); // 9 is on no tile
  const onWall = wall({
    state: { layout: '2x2', rev: 2, tiles: [{ cameraId: 7, by: 'sup', tour: null }] },
    shown: ['offline'],
  });
  assert.deepEqual(
    statusItems({ ...base, wall: onWall }).map((x) => x.params),
    [{ count: 1, ids: '7' }],
  );
  // A camera that plays on another stream is not in fault.
  const both = {
    ...base,
    statuses: { a: status(1, 'offline'), b: { ...status(1, 'playing'), key: '1:main:annexb' } },
  };
  assert.deepEqual(kinds(both), []);
});

test('a lease of mine about to end is shown with its time left; another operator’s is not', () => {
  const mine = { ...base, leases: { 3: lease(3, 'agent', 45_000) } };
  assert.deepEqual(
    statusItems(mine).map((x) => [x.kind, x.params]),
    [['lease', { id: 3, left: 45 }]],
  );
  assert.deepEqual(kinds({ ...base, leases: { 3: lease(3, 'agent', 5 * 60_000) } }), []);
  assert.deepEqual(kinds({ ...base, leases: { 3: lease(3, 'autre', 30_000) } }), []);
});

test('an input device gone, and operations past their end', () => {
  assert.deepEqual(
    kinds({ ...base, devices: [{ kind: 'joystick', state: 'disconnected', reason: 'device.unplugged' }] }),
    ['devices:status.devices.joystick'],
  );
  const due = { id: 1, name: 'Disparition', state: 'due' } as StatusInput['operations'][number];
  assert.deepEqual(kinds({ ...base, operations: [due] }), ['operations:status.operations.one']);
});

test('a registry that cannot write comes first, for every operator, and goes when it writes again', () => {
  const unable = {
    state: 'unable',
    reason: 'disk_full',
    since: '2026-12-07T13:00:00.000Z',
    refused: 3,
    pending: 1,
  } as const;
  const i = { ...base, permissions: [], registry: unable, wall: wall({ link: 'down' }) };
  assert.deepEqual(
    statusItems(i).map((x) => [x.kind, x.key, x.level, x.params]),
    [['registry', 'status.registry.disk_full', 'bad', { since: unable.since }]],
  );
  assert.deepEqual(kinds({ ...base, registry: { ...unable, reason: 'write_error' } }), [
    'registry:status.registry.write_error',
  ]);
  assert.deepEqual(kinds({ ...base, registry: { state: 'writing' } }), []);
  assert.deepEqual(kinds({ ...base, registry: null }), []);
});

test('the CIC’s shared registry away is a warning with its time; connected, or waiting to connect, it is not', () => {
  const since = '2026-12-07T13:00:00.000Z';
  const outage = { state: 'outage', since, reason: 'ECONNREFUSED', queued: 12 } as const;
  assert.deepEqual(
    statusItems({ ...base, permissions: [], registry: { state: 'writing', shared: outage } }).map((x) => [
      x.kind,
      x.key,
      x.level,
      x.params,
    ]),
    [['registry', 'status.registry.store_outage', 'warn', { since }]],
  );
  for (const state of ['connected', 'connecting'] as const)
    assert.deepEqual(kinds({ ...base, registry: { state: 'writing', shared: { state, queued: 0 } } }), []);
});
