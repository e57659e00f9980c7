import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codecStringFromAccessUnit, findParameterSets } from './h26x';
import { decodeStampRow, stampToEpoch, STAMP_BITS } from './stamp';
import { chooseStream, displayEvery, isLargeTile } from './stream-choice';
import { parseOptions } from './options';
import { tileState } from '../store/tile-state';
import { cameraTree } from '../store/cameras-slice';
import type { StreamStatus } from '../../main/ipc/contract';

test('codec string comes from the in-band SPS', () => {
  const au = Uint8Array.from([
    0, 0, 0, 1, 0x09, 0xf0, 0, 0, 0, 1, 0x67, 0x64, 0x00, 0x28, 0xac, 0, 0, 1, 0x68, 0xee, 0, 0, 1, 0x65,
    0x88,
  ]);
  assert.equal(codecStringFromAccessUnit(au), 'avc1.640028');
  assert.equal(findParameterSets(au)?.[0], 0x67);
  assert.equal(codecStringFromAccessUnit(Uint8Array.from([0, 0, 1, 0x41, 0x9a])), null);
  // HEVC SPS: Main profile, level 93.
  const hevc = Uint8Array.from([
    0, 0, 0, 1, 0x42, 0x01, 0x01, 0x01, 0x60, 0x00, 0x00, 0x00, 0x90, 0x00, 0x00, 0x00, 0x00, 0x00, 0x5d,
    0xa0,
  ]);
  assert.equal(codecStringFromAccessUnit(hevc), 'hev1.1.6.L93.90');
});

test('stream choice: sub-stream for small tiles, main when large or alone', () => {
  assert.equal(chooseStream({ hasSub: true }, isLargeTile('4x4', 3, null)), 'sub');
  assert.equal(chooseStream({ hasSub: true }, isLargeTile('4x4', 3, 3)), 'main');
  assert.equal(chooseStream({ hasSub: true }, isLargeTile('1+5', 0, null)), 'main');
  assert.equal(chooseStream({ hasSub: true }, isLargeTile('1+5', 1, null)), 'sub');
  assert.equal(chooseStream({ hasSub: true }, isLargeTile('1', 0, null)), 'main');
  assert.equal(chooseStream({ hasSub: false }, false), 'main');
});

const status = (state: StreamStatus['state'], reason: StreamStatus['reason'] = null): StreamStatus => ({
  key: '1:main:annexb',
  cameraId: 1,
  stream: 'main',
  format: 'annexb',
  state,
  reason,
  lastFrameAt: 1000,
  codec: 'h264',
  width: 640,
  height: 360,
});

test('a tile is playing only while its own frames are fresh', () => {
  const pb = {
    cameraId: 1,
    path: 'webcodecs' as const,
    lastFrameAt: 10_000,
    codec: 'avc1',
    resolution: '640x360',
    render: 'generator' as const,
    lag: 40,
    dropping: false,
  };
  assert.equal(tileState(null, undefined, undefined, 0).state, 'empty');
  assert.equal(tileState(1, undefined, undefined, 0).state, 'connecting');
  assert.equal(tileState(1, undefined, { ...pb, codec: null, resolution: null }, 10_500).state, 'playing');
  assert.equal(tileState(1, status('playing'), undefined, 10_000).state, 'connecting');
  assert.equal(tileState(1, status('playing'), pb, 11_000).state, 'playing');
  const frozen = tileState(1, status('playing'), pb, 13_000);
  assert.deepEqual([frozen.state, frozen.lastFrameAt], ['stalled', 10_000]);
  assert.deepEqual(tileState(1, status('offline', 'auth'), pb, 11_000), {
    state: 'offline',
    reason: 'auth',
    lastFrameAt: 10_000,
  });
  // A stream switch of the same camera: the old stream's fresh frames keep it live; stale ones do not.
  assert.equal(tileState(1, status('connecting'), pb, 11_000).state, 'playing');
  assert.equal(tileState(1, status('connecting'), pb, 14_000).state, 'connecting');
  // Playback of the tile's previous camera does not count.
  assert.equal(tileState(2, { ...status('playing'), cameraId: 2 }, pb, 11_000).state, 'connecting');
});

test('camera tree groups by site and zone and searches name, site and number', () => {
  const cams = [
    { id: 1, name: 'Parvis', site: 'Mairie', zone: 'Nord', hasSub: false, ptz: null },
    { id: 12, name: 'Quai', site: 'Gare', zone: 'Quais', hasSub: false, ptz: null },
    { id: 2, name: 'Parking', site: 'Mairie', zone: 'Sud', hasSub: false, ptz: null },
  ];
  assert.deepEqual(
    cameraTree(cams, '').map((s) => [s.site, s.zones.length]),
    [
      ['Mairie', 2],
      ['Gare', 1],
    ],
  );
  assert.deepEqual(
    cameraTree(cams, 'gare').flatMap((s) => s.zones.flatMap((z) => z.cameras.map((c) => c.id))),
    [12],
  );
  assert.deepEqual(
    cameraTree(cams, '1').flatMap((s) => s.zones.flatMap((z) => z.cameras.map((c) => c.id))),
    [1, 12],
  );
  assert.deepEqual(
    cameraTree(cams, 'PARK').flatMap((s) => s.zones.flatMap((z) => z.cameras.map((c) => c.id))),
    [2],
  );
});

test('the wall-clock stamp round-trips through a drawn row', () => {
  const now = 1_790_000_000_123;
  const stamped = now - 80;
  const width = 640;
  const row = new Uint8ClampedArray(width * 4);
  const v = stamped % 2 ** STAMP_BITS;
  for (let i = 0; i < STAMP_BITS; i++) {
    const bit = Math.floor(v / 2 ** (STAMP_BITS - 1 - i)) % 2;
    for (let x = i * 16; x < (i + 1) * 16; x++) row.fill(bit ? 250 : 5, x * 4, x * 4 + 3);
  }
  assert.equal(stampToEpoch(decodeStampRow(row, width, 0, width), now), stamped);
  assert.equal(stampToEpoch(0, now), null, 'an unstamped picture gives no figure');
});

test('small tiles show one frame in two; large, 2×2, solo tiles and full-rate posts show every frame', () => {
  assert.equal(displayEvery('4x4', 5, null, false), 2);
  assert.equal(displayEvery('3x3', 0, null, false), 2);
  assert.equal(displayEvery('1+7', 3, null, false), 2);
  assert.equal(displayEvery('1+7', 0, null, false), 1);
  assert.equal(displayEvery('2x2', 3, null, false), 1);
  assert.equal(displayEvery('4x4', 5, 5, false), 1);
  assert.equal(displayEvery('4x4', 5, null, true), 1);
});

test('page switches are read once into one typed object; unknown values fall back to automatic', () => {
  assert.deepEqual(parseOptions(''), {
    video: 'auto',
    render: 'auto',
    bench: false,
    overloadMs: 0,
    fullRate: false,
  });
  assert.deepEqual(parseOptions('?video=mpeg1&render=worker&bench=1&overload=70&fullrate=1'), {
    video: 'mpeg1',
    render: 'worker',
    bench: true,
    overloadMs: 70,
    fullRate: true,
  });
  assert.equal(parseOptions('?decode=page').render, 'page', 'the old switch still works');
  assert.equal(parseOptions('?video=evil&render=x').video, 'auto');
  assert.equal(parseOptions('?overload=100000').overloadMs, 2000, 'never a fully frozen page');
  assert.equal(parseOptions('?overload=abc').overloadMs, 0);
});
