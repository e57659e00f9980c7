import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { StreamStatus } from '../../../common/contract';
import { LOCAL_STALL_MS, PLAYBACK_REFRESH_MS, onScreenAt, playbackChanged, tileState } from './tile-state';

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

/** A <video> tile's report with a frame shown at 10 s. */
const playback = {
  cameraId: 1,
  path: 'webcodecs' as const,
  lastFrameAt: 10_000,
  codec: 'avc1',
  resolution: '640x360',
  render: 'generator' as const,
  lag: 40,
  dropping: false,
  keyOnly: false,
};

test('a tile is playing only while its own frames are fresh', () => {
  const pb = playback;
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

test('a tile report reaches the store only when the operator would see a change', () => {
  const pb = { ...playback, render: 'worker-generator' as const };
  assert.equal(playbackChanged(undefined, pb), true);
  // Frames 250 ms later with about the same lag: nothing the operator sees has changed.
  assert.equal(playbackChanged(pb, { ...pb, lastFrameAt: 10_250, lag: 60 }), false);
  // Frames keep the tile fresh: reported at least every PLAYBACK_REFRESH_MS.
  assert.equal(playbackChanged(pb, { ...pb, lastFrameAt: 10_000 + PLAYBACK_REFRESH_MS }), true);
  assert.ok(PLAYBACK_REFRESH_MS * 2 <= LOCAL_STALL_MS);
  assert.equal(playbackChanged(pb, { ...pb, lag: 140 }), true);
  assert.equal(playbackChanged(pb, { ...pb, dropping: true }), true);
  assert.equal(playbackChanged(pb, { ...pb, keyOnly: true }), true);
  assert.equal(playbackChanged(pb, { ...pb, cameraId: 2 }), true);
  assert.equal(playbackChanged(pb, { ...pb, render: 'generator' }), true);
  assert.equal(playbackChanged(pb, { ...pb, resolution: '1280x720' }), true);
  assert.equal(playbackChanged({ ...pb, lastFrameAt: null }, pb), true);
});

test('a <video> tile whose compositor fell behind its writes is on screen as of its last presented frame', () => {
  // Written and presented together: the writes count (the presentation is a frame behind at most).
  assert.equal(onScreenAt(10_000, 9_960), 10_000);
  // Nothing presented known yet (a canvas tile, a page not rendering yet): the writes count.
  assert.equal(onScreenAt(10_000, null), 10_000);
  assert.equal(onScreenAt(null, null), null);
  // Frames still written, none presented for 5 s: the picture on screen is 5 s old...
  const at = onScreenAt(15_000, 10_000);
  assert.equal(at, 10_000);
  // ...so the tile says stalled, not live, while the gateway plays.
  const pb = { ...playback, lastFrameAt: at };
  assert.equal(tileState(1, status('playing'), pb, 15_000).state, 'stalled');
  // Pictures reach the screen again: live.
  const back = { ...pb, lastFrameAt: onScreenAt(15_500, 15_460) };
  assert.equal(tileState(1, status('playing'), back, 15_500).state, 'playing');
});
