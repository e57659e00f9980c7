import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codecStringFromAccessUnit, findParameterSets } from './h26x';
import { decodeStampRow, stampToEpoch, STAMP_BITS } from './stamp';
import { chooseStream, displayEvery, isLargeTile } from './stream-choice';
import { parseOptions } from './options';

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
  assert.equal(parseOptions('?overload=100000').overloadMs, 5000, 'never a fully frozen page');
  assert.equal(parseOptions('?overload=abc').overloadMs, 0);
});
