/** Issue 9: which wall tiles get the main stream and every frame. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chooseStream } from '../video/stream-choice';
import { isLargeWallTile, wallDisplayEvery } from './wall-tiles';

test('a camera alone or in the large tile of 1+N gets its main stream; small wall tiles the sub-stream', () => {
  const cam = { hasSub: true };
  assert.equal(chooseStream(cam, isLargeWallTile('1', 0)), 'main');
  for (const l of ['1+5', '1+7', '1+12'] as const) {
    assert.equal(chooseStream(cam, isLargeWallTile(l, 0)), 'main', l);
    assert.equal(chooseStream(cam, isLargeWallTile(l, 1)), 'sub', l);
  }
  for (const l of ['2x2', '3x3', '4x4'] as const)
    assert.equal(chooseStream(cam, isLargeWallTile(l, 0)), 'sub', l);
  // A camera without a sub-stream always gets its main one.
  assert.equal(chooseStream({ hasSub: false }, isLargeWallTile('4x4', 3)), 'main');
});

test('small wall tiles show one frame in two, except on a 2×2 wall and on large tiles', () => {
  assert.equal(wallDisplayEvery('4x4', 5), 2);
  assert.equal(wallDisplayEvery('1+12', 12), 2);
  assert.equal(wallDisplayEvery('1+12', 0), 1);
  assert.equal(wallDisplayEvery('2x2', 3), 1);
  assert.equal(wallDisplayEvery('1', 0), 1);
});
