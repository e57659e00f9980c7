/**
 * The CIC's shared wall presets on a real throwaway PostgreSQL: the WallPresetStore contract; a
 * preset saved on one post is in the other's list within 1 s; two posts saving at the limit at
 * once never pass it together.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PgWallPresets } from './pg-wall-presets';
import { MAX_PRESETS } from './wall-presets';
import { pgSuite } from '../../../test-support/records/pg-suite';
import { presetWall, wallPresetStoreContract } from '../../../test-support/video/wall-preset-store-contract';

pgSuite('PostgreSQL wall presets', (lab) => {
  const twoPosts = async (): Promise<[PgWallPresets, PgWallPresets]> => {
    const url = await lab.database();
    return [await PgWallPresets.open(await lab.post(url)), await PgWallPresets.open(await lab.post(url))];
  };

  wallPresetStoreContract('PostgreSQL', async () => {
    const url = await lab.database();
    const again = async () => PgWallPresets.open(await lab.post(url));
    return { store: await again(), again };
  });

  test('a preset saved on one post is in the other’s list within 1 s', async () => {
    const [a, b] = await twoPosts();
    const told = new Promise<void>((resolve) => b.onChange(resolve));
    const t0 = performance.now();
    assert.ok((await a.save('Salle de crise', presetWall())).ok);
    const timeout = new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error('not within 1 s')), 1_000),
    );
    await Promise.race([told, timeout]);
    assert.ok(performance.now() - t0 < 1_000);
    assert.deepEqual(b.names(), ['Salle de crise']);
    assert.deepEqual(b.byNumber(1), a.byNumber(1));
  });

  test('two posts saving the last free place at once: one is saved, the other refused', async () => {
    const [a, b] = await twoPosts();
    for (let i = 0; i < MAX_PRESETS - 1; i++) assert.ok((await a.save(`P${i}`, presetWall())).ok);
    const [ra, rb] = await Promise.all([a.save('Depuis A', presetWall()), b.save('Depuis B', presetWall())]);
    assert.equal([ra, rb].filter((r) => r.ok).length, 1);
    const codes = [ra, rb].map((r) => (r.ok ? 'ok' : r.error.code)).sort();
    assert.deepEqual(codes, ['ok', 'wall_preset_limit']);
  });
});
