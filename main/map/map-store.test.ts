import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { MapStore } from './map-store';
import { png } from './png.fixture';

const tmp = (p: string): string => fs.mkdtempSync(path.join(os.tmpdir(), p));
const POINTS = [
  { x: 100, y: 100, lat: 48.851, lon: 2.349 },
  { x: 700, y: 500, lat: 48.847, lon: 2.357 },
];

function files(dir: string): string[] {
  return fs.existsSync(dir) ? fs.readdirSync(dir).sort() : [];
}

test('a plan with no reference points is refused and changes nothing; a good one is kept across restarts', () => {
  const dataDir = tmp('vigie-map-');
  const store = new MapStore(dataDir);
  const none = store.importPlan('plan.png', png(800, 600), []);
  assert.deepEqual(none, { ok: false, error: { code: 'map_no_points', params: { count: 0 } } });
  assert.deepEqual(store.view(), { kind: 'none' });
  assert.deepEqual(files(path.join(dataDir, 'map')), []);

  const r = store.importPlan('plan.png', png(800, 600), POINTS);
  assert.ok(r.ok && r.value.kind === 'plan');
  assert.equal(r.value.width, 800);
  assert.deepEqual(store.plan()?.bytes, png(800, 600));

  // Refusals after a good import leave it whole: no points, collinear ones, a point off the image, not an image.
  const before = files(path.join(dataDir, 'map'));
  assert.equal((store.importPlan('b.png', png(10, 10), []) as { ok: boolean }).ok, false);
  const flat = store.importPlan('b.png', png(800, 600), [
    ...POINTS,
    { x: 400, y: 300, lat: 48.849, lon: 2.353 },
  ]);
  assert.equal(!flat.ok && flat.error.params?.reason, 'collinear');
  const off = store.importPlan('b.png', png(800, 600), [POINTS[0]!, { ...POINTS[1]!, x: 900 }]);
  assert.equal(!off.ok && off.error.params?.reason, 'outside');
  const svg = store.importPlan('b.svg', Buffer.from('<svg/>'), POINTS);
  assert.equal(!svg.ok && svg.error.code, 'map_image_invalid');
  assert.deepEqual(files(path.join(dataDir, 'map')), before);
  assert.deepEqual(new MapStore(dataDir).view(), r.value);
});

test('a tile folder is copied in; a bad one changes nothing; tile reads never leave the copy', async () => {
  const dataDir = tmp('vigie-map-');
  const src = tmp('vigie-tiles-');
  fs.mkdirSync(path.join(src, '0', '0'), { recursive: true });
  fs.writeFileSync(path.join(src, '0', '0', '0.png'), png(8, 8));
  const store = new MapStore(dataDir);
  const r = await store.importTiles(src);
  assert.ok(r.ok && r.value.kind === 'tiles');
  assert.deepEqual(store.tile(0, 0, 0), png(8, 8));
  assert.equal(store.tile(0, 1, 0), null);
  assert.equal(store.tile(1, 0, 0), null);

  // A PNG name over other bytes: refused, the previous tiles stay.
  const bad = tmp('vigie-tiles-');
  fs.mkdirSync(path.join(bad, '0', '0'), { recursive: true });
  fs.writeFileSync(path.join(bad, '0', '0', '0.png'), '<html>');
  const before = files(path.join(dataDir, 'map'));
  assert.deepEqual(await store.importTiles(bad), {
    ok: false,
    error: { code: 'map_tiles_invalid', params: { reason: 'not_png', path: '0/0/0.png' } },
  });
  assert.deepEqual(files(path.join(dataDir, 'map')), before);
  assert.deepEqual(store.view(), r.value);

  // A plan replaces the tiles, and their copy goes.
  const p = store.importPlan('plan.png', png(800, 600), POINTS);
  assert.ok(p.ok);
  assert.equal(store.tile(0, 0, 0), null);
  assert.equal(files(path.join(dataDir, 'map')).filter((f) => f.startsWith('tiles-')).length, 0);
});

test('a tampered map.json is ignored: no map, and no file outside dataDir/map is ever read', () => {
  const dataDir = tmp('vigie-map-');
  fs.mkdirSync(path.join(dataDir, 'map'));
  fs.writeFileSync(
    path.join(dataDir, 'map', 'map.json'),
    JSON.stringify({ view: { kind: 'plan', type: 'png' }, source: '../../../etc/passwd' }),
  );
  const store = new MapStore(dataDir);
  assert.deepEqual(store.view(), { kind: 'none' });
  assert.equal(store.plan(), null);
  fs.writeFileSync(path.join(dataDir, 'map', 'map.json'), '{not json');
  assert.deepEqual(new MapStore(dataDir).view(), { kind: 'none' });
});
