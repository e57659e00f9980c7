import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { MapStore } from './map-store';
import { png } from '../../../test-support/desk/png';
import { readTile } from './tile-folder';

const tmp = (p: string): string => fs.mkdtempSync(path.join(os.tmpdir(), p));
const POINTS = [
  { x: 100, y: 100, lat: 48.851, lon: 2.349 },
  { x: 700, y: 500, lat: 48.847, lon: 2.357 },
];

function files(dir: string): string[] {
  return fs.existsSync(dir) ? fs.readdirSync(dir).sort() : [];
}

test('a plan with no reference points is refused and changes nothing; a good one is kept across restarts', async () => {
  const dataDir = tmp('vigie-map-');
  const store = new MapStore(dataDir);
  const none = await store.importPlan('plan.png', png(800, 600), []);
  assert.deepEqual(none, { ok: false, error: { code: 'map_no_points', params: { count: 0 } } });
  assert.deepEqual(store.view(), { kind: 'none' });
  assert.deepEqual(files(path.join(dataDir, 'map')), []);

  const r = await store.importPlan('plan.png', png(800, 600), POINTS);
  assert.ok(r.ok && r.value.kind === 'plan');
  assert.equal(r.value.width, 800);
  assert.deepEqual((await store.plan())?.bytes, png(800, 600));

  // Refusals after a good import leave it whole: no points, collinear ones, a point off the image, not an image.
  const before = files(path.join(dataDir, 'map'));
  assert.equal(((await store.importPlan('b.png', png(10, 10), [])) as { ok: boolean }).ok, false);
  const flat = await store.importPlan('b.png', png(800, 600), [
    ...POINTS,
    { x: 400, y: 300, lat: 48.849, lon: 2.353 },
  ]);
  assert.equal(!flat.ok && flat.error.params?.reason, 'collinear');
  const off = await store.importPlan('b.png', png(800, 600), [POINTS[0]!, { ...POINTS[1]!, x: 900 }]);
  assert.equal(!off.ok && off.error.params?.reason, 'outside');
  const svg = await store.importPlan('b.svg', Buffer.from('<svg/>'), POINTS);
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
  assert.deepEqual(await store.tile(0, 0, 0), png(8, 8));
  assert.equal(await store.tile(0, 1, 0), null);
  assert.equal(await store.tile(1, 0, 0), null);

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
  const p = await store.importPlan('plan.png', png(800, 600), POINTS);
  assert.ok(p.ok);
  assert.equal(await store.tile(0, 0, 0), null);
  assert.equal(files(path.join(dataDir, 'map')).filter((f) => f.startsWith('tiles-')).length, 0);
});

test('a tampered map.json is ignored: no map, and no file outside dataDir/map is ever read', async () => {
  const dataDir = tmp('vigie-map-');
  fs.mkdirSync(path.join(dataDir, 'map'));
  fs.writeFileSync(
    path.join(dataDir, 'map', 'map.json'),
    JSON.stringify({ view: { kind: 'plan', type: 'png' }, source: '../../../etc/passwd' }),
  );
  const store = new MapStore(dataDir);
  assert.deepEqual(store.view(), { kind: 'none' });
  assert.equal(await store.plan(), null);
  fs.writeFileSync(path.join(dataDir, 'map', 'map.json'), '{not json');
  assert.deepEqual(new MapStore(dataDir).view(), { kind: 'none' });
});

const mkfifo = (file: string): void => void execFileSync('mkfifo', [file]);

test('issue 18: a plan cut short, or whose data is not zlib, is refused; the plan in force stays', async () => {
  const dataDir = tmp('vigie-map-');
  const store = new MapStore(dataDir);
  const good = await store.importPlan('plan.png', png(800, 600), POINTS);
  assert.ok(good.ok);
  const before = files(path.join(dataDir, 'map'));
  const whole = png(800, 600);
  const idatAt = whole.indexOf('IDAT') - 4;
  const notZlib = Buffer.from(whole);
  notZlib.write('not zlib', idatAt + 8, 'latin1'); // the CRC now fails too, as in any such file
  for (const [name, bytes] of [
    ['cut after its header', whole.subarray(0, idatAt)],
    ['cut in its image data', whole.subarray(0, idatAt + 20)],
    ['data that is not zlib', notZlib],
  ] as const) {
    const r = await store.importPlan('b.png', bytes, POINTS);
    assert.deepEqual(
      r,
      { ok: false, error: { code: 'map_image_invalid', params: { reason: 'damaged' } } },
      name,
    );
  }
  assert.deepEqual(files(path.join(dataDir, 'map')), before);
  assert.deepEqual(store.view(), good.value);
});

test(
  'issue 18: a tile that is a named pipe, or swapped for one, is refused at once; so is a tile cut short',
  { timeout: 20_000 },
  async () => {
    const dataDir = tmp('vigie-map-');
    const store = new MapStore(dataDir);
    const src = tmp('vigie-tiles-');
    fs.mkdirSync(path.join(src, '1', '0'), { recursive: true });
    fs.writeFileSync(path.join(src, '1', '0', '0.png'), png(8, 8));
    const good = await store.importTiles(src);
    assert.ok(good.ok);
    // A pipe there from the start: named by the scan.
    mkfifo(path.join(src, '1', '0', '1.png'));
    assert.deepEqual(await store.importTiles(src), {
      ok: false,
      error: { code: 'map_tiles_invalid', params: { reason: 'not_file', path: '1/0/1.png' } },
    });
    // Swapped in after the scan: the read does not wait for the pipe's writer (it used to, forever).
    assert.equal(await readTile(src, { z: 1, x: 0, y: 1, size: 8 }), 'not_file');
    fs.rmSync(path.join(src, '1', '0', '1.png'));
    fs.writeFileSync(path.join(src, '1', '0', '1.png'), png(8, 8).subarray(0, 50));
    assert.deepEqual(await store.importTiles(src), {
      ok: false,
      error: { code: 'map_tiles_invalid', params: { reason: 'damaged', path: '1/0/1.png' } },
    });
    assert.deepEqual(store.view(), good.value);
    assert.deepEqual(
      files(path.join(dataDir, 'map')).filter((f) => f.endsWith('.tmp')),
      [],
    );
  },
);

test(
  'issue 18: a pipe planted in place of the stored plan or a stored tile is refused, not waited on',
  { timeout: 20_000 },
  async () => {
    const dataDir = tmp('vigie-map-');
    const store = new MapStore(dataDir);
    assert.ok((await store.importPlan('plan.png', png(800, 600), POINTS)).ok);
    const planFile = files(path.join(dataDir, 'map')).find((f) => f.startsWith('plan-'))!;
    fs.rmSync(path.join(dataDir, 'map', planFile));
    mkfifo(path.join(dataDir, 'map', planFile));
    assert.equal(await store.plan(), null);
    const src = tmp('vigie-tiles-');
    fs.mkdirSync(path.join(src, '0', '0'), { recursive: true });
    fs.writeFileSync(path.join(src, '0', '0', '0.png'), png(8, 8));
    assert.ok((await store.importTiles(src)).ok);
    const tiles = files(path.join(dataDir, 'map')).find((f) => f.startsWith('tiles-'))!;
    fs.rmSync(path.join(dataDir, 'map', tiles, '0', '0', '0.png'));
    mkfifo(path.join(dataDir, 'map', tiles, '0', '0', '0.png'));
    assert.equal(await store.tile(0, 0, 0), null);
  },
);
