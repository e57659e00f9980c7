/** The rules every WallPresetStore keeps, run against the post's file and the shared PostgreSQL alike. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { emptyWall } from '../../main/video/wall/wall-state';
import { MAX_PRESETS, type WallPresetStore } from '../../main/video/wall/wall-presets';

export const presetWall = () => {
  const wall = { ...emptyWall(), layout: '1+12' as const };
  wall.tiles[0] = { cameraId: 12, by: 'anne', tour: null };
  wall.tiles[1] = { cameraId: 3, by: 'anne', tour: { cameras: [3, 4], dwellSeconds: 8 } };
  return wall;
};

/** `open` gives a store on fresh storage, and a way to open another on the same storage. */
export type OpenPresets = () => Promise<{ store: WallPresetStore; again: () => Promise<WallPresetStore> }>;

export function wallPresetStoreContract(name: string, open: OpenPresets): void {
  test(`${name}: presets keep their order and place, are found by any case or number, and are read back`, async () => {
    const { store, again } = await open();
    const wall = presetWall();
    assert.ok((await store.save('  Salle   de crise ', wall)).ok);
    assert.ok((await store.save('Match au stade', emptyWall())).ok);
    assert.ok((await store.save('salle de crise', { ...wall, layout: '2x2' })).ok, 'saved again in place');
    assert.deepEqual(store.names(), ['salle de crise', 'Match au stade']);
    assert.equal(store.get('SALLE DE CRISE')?.layout, '2x2');
    assert.equal(store.byNumber(2)?.name, 'Match au stade');
    assert.equal(store.byNumber(3), undefined);
    assert.equal(store.byNumber(0), undefined);
    const other = await again();
    assert.deepEqual(other.names(), store.names());
    assert.deepEqual(other.get('salle de crise'), store.get('salle de crise'));
    assert.deepEqual(other.get('Match au stade')?.tiles, store.get('Match au stade')?.tiles);
  });

  test(`${name}: a name that cannot be one, or one preset too many, is refused and changes nothing`, async () => {
    const { store, again } = await open();
    for (const bad of ['', '   ', 'x'.repeat(61), 'a\u0000b']) {
      const r = await store.save(bad, presetWall());
      assert.equal(r.ok ? '' : r.error.code, 'wall_preset_name', JSON.stringify(bad));
    }
    for (let i = 0; i < MAX_PRESETS; i++) assert.ok((await store.save(`P${i}`, presetWall())).ok);
    const r = await store.save('one too many', presetWall());
    assert.equal(r.ok ? '' : r.error.code, 'wall_preset_limit');
    assert.ok((await store.save('p0', presetWall())).ok, 'replacing one is not one too many');
    assert.equal((await again()).names().length, MAX_PRESETS);
  });
}
