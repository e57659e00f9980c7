import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { MAP_MAX_IMAGE_BYTES, MAP_MAX_TILE_BYTES } from '../../../common/contract';
import { readPlanImage } from './plan-image';
import { jpegHeader, png } from '../../../test-support/desk/png';
import { parseTilePath, scanTileFolder, tileBounds, tileFile } from './tile-folder';

test('plan images: PNG and JPEG sizes read from their bytes; anything else refused', () => {
  assert.deepEqual(readPlanImage(png(800, 600)), {
    ok: true,
    info: { type: 'png', width: 800, height: 600 },
  });
  assert.deepEqual(readPlanImage(jpegHeader(1920, 1080)), {
    ok: true,
    info: { type: 'jpeg', width: 1920, height: 1080 },
  });
  assert.deepEqual(readPlanImage(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>')), {
    ok: false,
    problem: 'format',
  });
  assert.deepEqual(readPlanImage(Buffer.from('GIF89a......')), { ok: false, problem: 'format' });
  // A PNG's magic with no header behind it, and a JPEG with no frame header.
  assert.deepEqual(readPlanImage(png(10, 10).subarray(0, 12)), { ok: false, problem: 'format' });
  assert.deepEqual(readPlanImage(Buffer.from([0xff, 0xd8, 0xff, 0xd9, 0, 0, 0, 0, 0, 0, 0, 0])), {
    ok: false,
    problem: 'format',
  });
  assert.deepEqual(readPlanImage(png(0, 10)), { ok: false, problem: 'dimensions' });
  assert.deepEqual(readPlanImage(png(20_000, 1)), { ok: false, problem: 'dimensions' });
  const huge = Buffer.concat([png(10, 10), Buffer.alloc(MAP_MAX_IMAGE_BYTES)]);
  assert.deepEqual(readPlanImage(huge), { ok: false, problem: 'too_large' });
});

test('tile paths: only whole numbers within the zoom grid name a file, always inside the folder', () => {
  const root = path.resolve('/data/map/tiles-x');
  assert.equal(tileFile(root, 3, 7, 7), path.join(root, '3', '7', '7.png'));
  for (const [z, x, y] of [
    [3, 8, 0], // beyond 2^3
    [-1, 0, 0],
    [1.5, 0, 0],
    [23, 0, 0],
    ['..', 0, 0],
    ['../../etc', 'passwd', 0],
    [0, 0, '0/../../x'],
    [NaN, 0, 0],
  ] as const)
    assert.equal(tileFile(root, z, x, y), null, `${String(z)}/${String(x)}/${String(y)}`);
  assert.deepEqual(parseTilePath(['12', '2071', '1409.png']), { z: 12, x: 2071, y: 1409 });
  for (const parts of [
    ['12', '2071', '1409.jpg'],
    ['12', '2071', '01409.png'],
    ['12', '2071'],
    ['a', '1', '1.png'],
    ['1', '1', '1.png.png'],
    ['1', '5', '1.png'],
    ['..', '1', '1.png'],
  ])
    assert.equal(parseTilePath(parts), null, parts.join('/'));
});

function tileDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-tiles-'));
  for (const [z, x, y] of [
    [1, 0, 0],
    [1, 1, 0],
    [1, 0, 1],
    [2, 1, 1],
  ]) {
    fs.mkdirSync(path.join(d, String(z), String(x)), { recursive: true });
    fs.writeFileSync(path.join(d, String(z), String(x), `${y}.png`), png(4, 4));
  }
  return d;
}

test('tile folders: z/x/y.png only; a stray file, a link, a non-PNG or an oversized tile is named', () => {
  const good = tileDir();
  const scan = scanTileFolder(good);
  assert.ok(scan.ok);
  assert.equal(scan.tiles.length, 4);
  const [s, w, n, e] = tileBounds(scan.tiles);
  assert.ok(Math.abs(w + 180) < 1e-9 && Math.abs(e - 180) < 1e-9);
  assert.ok(n > 85 && s < -85);

  const stray = tileDir();
  fs.writeFileSync(path.join(stray, '1', '0', 'notes.txt'), 'x');
  assert.deepEqual(scanTileFolder(stray), { ok: false, problem: 'shape', path: '1/0/notes.txt' });

  const linked = tileDir();
  fs.symlinkSync('/etc/passwd', path.join(linked, '1', '1', '1.png'));
  assert.deepEqual(scanTileFolder(linked), { ok: false, problem: 'symlink', path: '1/1/1.png' });

  const linkedDir = tileDir();
  fs.symlinkSync('/etc', path.join(linkedDir, '3'));
  assert.deepEqual(scanTileFolder(linkedDir), { ok: false, problem: 'symlink', path: '3' });

  const big = tileDir();
  fs.writeFileSync(path.join(big, '2', '1', '1.png'), Buffer.alloc(MAP_MAX_TILE_BYTES + 1));
  assert.deepEqual(scanTileFolder(big), { ok: false, problem: 'too_large', path: '2/1/1.png' });

  assert.deepEqual(scanTileFolder('relative/dir'), { ok: false, problem: 'folder', path: 'relative/dir' });
  const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-tiles-'));
  assert.equal((scanTileFolder(empty) as { problem: string }).problem, 'empty');
  assert.equal((scanTileFolder(path.join(empty, 'missing')) as { problem: string }).problem, 'folder');
});
