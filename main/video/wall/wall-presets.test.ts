/** Issue 9: wall presets survive malformed files without stopping the post or losing them silently. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { emptyWall } from './wall-state';
import { MAX_PRESETS, PRESET_FILE, WallPresets, presetName } from './wall-presets';

const tmp = (): string => fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-presets-'));
const wall = { ...emptyWall(), layout: '1+12' as const };
wall.tiles[0] = { cameraId: 12, by: 'anne', tour: null };
wall.tiles[1] = { cameraId: 3, by: 'anne', tour: { cameras: [3, 4], dwellSeconds: 8 } };

test('presets are saved, recalled by name or number, and survive a restart', () => {
  const dir = tmp();
  const p = new WallPresets(dir);
  assert.ok(p.save('  Salle   de crise ', wall).ok);
  assert.ok(p.save('Match au stade', emptyWall()).ok);
  assert.deepEqual(p.names(), ['Salle de crise', 'Match au stade']);
  // Same name, other case: replaced, not duplicated.
  assert.ok(p.save('salle de crise', wall).ok);
  assert.equal(p.names().length, 2);
  const again = new WallPresets(dir);
  assert.equal(again.get('SALLE DE CRISE')?.layout, '1+12');
  assert.deepEqual(again.get('salle de crise')?.tiles[1]?.tour, { cameras: [3, 4], dwellSeconds: 8 });
  assert.equal(again.byNumber(2)?.name, 'Match au stade');
  assert.equal(again.byNumber(3), undefined);
  assert.equal(again.byNumber(0), undefined);
  assert.equal(fs.statSync(path.join(dir, PRESET_FILE)).mode & 0o777, 0o600);
});

test('bad names and too many presets are refused', () => {
  const p = new WallPresets(tmp());
  for (const bad of ['', '   ', 'x'.repeat(61), 'a\u0000b', 'line\nbreak']) {
    assert.equal(presetName(bad), null, JSON.stringify(bad));
    const r = p.save(bad, wall);
    assert.equal(r.ok ? '' : r.error.code, 'wall_preset_name');
  }
  for (let i = 0; i < MAX_PRESETS; i++) assert.ok(p.save(`P${i}`, wall).ok);
  const r = p.save('one too many', wall);
  assert.equal(r.ok ? '' : r.error.code, 'wall_preset_limit');
});

test('a malformed file never stops the post; its valid presets stay, and it is set aside before a save', () => {
  for (const content of [
    '{not json',
    '[]',
    '{"presets": 3}',
    '\u0000\u0001',
    '{"presets": [null, {"name": 5}]}',
  ]) {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, PRESET_FILE), content);
    const p = new WallPresets(dir);
    assert.deepEqual(p.names(), [], content);
    assert.ok(p.save('Nouveau', wall).ok);
    const aside = fs.readdirSync(dir).filter((f) => f.startsWith(`${PRESET_FILE}.unreadable-`));
    assert.equal(aside.length, 1, 'the unreadable file is kept aside');
    assert.equal(fs.readFileSync(path.join(dir, aside[0]!), 'utf8'), content);
    assert.deepEqual(new WallPresets(dir).names(), ['Nouveau']);
  }
  // Mixed: the valid presets load; the bad ones (bad layout, bad tour, duplicate) are skipped.
  const dir = tmp();
  fs.writeFileSync(
    path.join(dir, PRESET_FILE),
    JSON.stringify({
      presets: [
        { name: 'Bon', layout: '2x2', tiles: [{ cameraId: 4, tour: null }] },
        { name: 'Mauvais', layout: '7x7', tiles: [] },
        { name: 'bon', layout: '1', tiles: [] },
        {
          name: 'Tour cassé',
          layout: '1',
          tiles: [{ cameraId: -3, tour: { cameras: 'x', dwellSeconds: 1 } }],
        },
      ],
    }),
  );
  const p = new WallPresets(dir);
  assert.deepEqual(p.names(), ['Bon', 'Tour cassé']);
  assert.deepEqual(p.get('Tour cassé')?.tiles, [{ cameraId: null, tour: null }]);
  // A file too large is not read at all.
  const big = tmp();
  fs.writeFileSync(path.join(big, PRESET_FILE), ' '.repeat(2 * 1024 * 1024));
  assert.deepEqual(new WallPresets(big).names(), []);
});
