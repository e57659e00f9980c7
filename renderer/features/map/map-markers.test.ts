import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { StreamStatus } from '../../../common/contract';
import { markerLatLng, markerState, parseRefPoints } from './map-markers';

const status = (cameraId: number, stream: 'main' | 'sub', state: StreamStatus['state']): StreamStatus => ({
  key: `${cameraId}:${stream}`,
  cameraId,
  stream,
  format: 'annexb',
  state,
  reason: null,
  lastFrameAt: null,
  codec: null,
  width: null,
  height: null,
});

test('a marker shows playing if any stream plays, else the most worrying state, idle when unviewed', () => {
  const s = (list: StreamStatus[]) => Object.fromEntries(list.map((x) => [x.key, x]));
  assert.equal(markerState(s([status(1, 'main', 'offline'), status(1, 'sub', 'playing')]), 1), 'playing');
  assert.equal(markerState(s([status(1, 'main', 'connecting'), status(1, 'sub', 'offline')]), 1), 'offline');
  assert.equal(markerState(s([status(1, 'main', 'stalled')]), 1), 'stalled');
  assert.equal(markerState(s([status(2, 'main', 'playing')]), 1), 'idle');
});

test('reference points as typed: spaces or semicolons, decimal commas; the bad line is named', () => {
  assert.deepEqual(parseRefPoints('10 20 48.85 2.35\n\n30;40;48,86;2,36\n'), {
    ok: true,
    points: [
      { x: 10, y: 20, lat: 48.85, lon: 2.35 },
      { x: 30, y: 40, lat: 48.86, lon: 2.36 },
    ],
  });
  assert.deepEqual(parseRefPoints(''), { ok: true, points: [] });
  assert.deepEqual(parseRefPoints('10 20 48.85 2.35\n10 20 abc 2'), { ok: false, line: 2 });
  assert.deepEqual(parseRefPoints('10 20 48.85'), { ok: false, line: 1 });
});

test('on a plan a marker goes to its pixel, counted from the bottom edge (L.CRS.Simple)', () => {
  const view = {
    kind: 'plan' as const,
    version: 'v',
    fileName: 'p.png',
    type: 'png' as const,
    width: 800,
    height: 600,
    points: [],
    transform: { a: 1, b: 0, c: 0, d: 0, e: -1, f: 600 },
    importedAt: '',
  };
  // lat 100 → y = 500 → 100 from the bottom; lon 40 → x = 40.
  assert.deepEqual(markerLatLng(view, 100, 40), [100, 40]);
  assert.equal(markerLatLng({ kind: 'none' }, 1, 2), null);
});
