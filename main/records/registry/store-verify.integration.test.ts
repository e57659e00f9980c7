/**
 * The CIC's one registry on a real PostgreSQL: how a post joins it, and each attack on it detected by
 * the verification `vigie registry verify --store` runs (verifyStore), as seen from a post.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { pgSuite, type PgLab } from '../../../test-support/records/pg-suite';
import { asSuperuser, openPost, verifyFrom, type TestPost } from '../../../test-support/records/store-posts';
import type { Registry } from './registry';
import { joinStore } from './store-join';
import { STORE_KEY_FILE, loadStoreKeys, newStoreKey, storeKeys } from './store-key';
import { storeCheckpoint } from './store-verify';

/** A database of its own for each test, and posts A and B joined to it, each with a few entries. */
async function cic(lab: PgLab, entries = 3): Promise<{ url: string; a: TestPost; b: TestPost }> {
  const url = await lab.database();
  const [a, b] = await lab.join(url, ['poste-A', 'poste-B']);
  // In a known order: 1 the CIC's init (A), 2 and 3 each post's own init, then A, B, A, B…
  const ra = openPost(a!, url);
  await ra.shared!.flush();
  const rb = openPost(b!, url);
  await rb.shared!.flush();
  for (let i = 0; i < entries; i++) {
    ra.append({ type: 'view.start', cameraId: i, data: { viewId: `a${i}` } });
    assert.equal(await ra.shared!.flush(), true);
    rb.append({ type: 'view.start', cameraId: 100 + i, data: { viewId: `b${i}` } });
    assert.equal(await rb.shared!.flush(), true);
  }
  await closeAll(ra, rb);
  return { url, a: a!, b: b! };
}

async function closeAll(...rs: Registry[]): Promise<void> {
  for (const r of rs) assert.equal(await r.shared!.flush(), true, 'every entry reached the database');
  for (const r of rs) {
    await r.shared!.close();
    r.close();
  }
}

const problems = (v: Awaited<ReturnType<typeof verifyFrom>>): string[] =>
  v.result.ok ? [] : v.result.ranges.map((r) => `${r.problem}:${r.first}-${r.last}`);

pgSuite('the CIC registry on PostgreSQL', (lab) => {
  test(
    'a post joins only with the CIC’s key; both posts’ entries form one chain that verifies',
    { timeout: 120_000 },
    async () => {
      const { url, a, b } = await cic(lab);
      const v = await verifyFrom(b, url);
      assert.equal(v.result.ok, true, problems(v).join());
      // The CIC's init (A), each post's own init, then 3 entries each: both posts named.
      assert.deepEqual(v.posts, [
        { post: 'poste-A', rows: 5 },
        { post: 'poste-B', rows: 4 },
      ]);
      const stranger = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-C-'));
      await assert.rejects(joinStore({ url, dataDir: stranger, post: 'C' }), { code: 'store_key_required' });
      const other = path.join(stranger, 'other.key');
      fs.writeFileSync(other, JSON.stringify(newStoreKey()));
      await assert.rejects(joinStore({ url, dataDir: stranger, post: 'C', keyFile: other }), {
        code: 'store_key_foreign',
      });
      assert.equal(fs.existsSync(path.join(stranger, STORE_KEY_FILE)), false, 'a refused key is not kept');
      const joined = await joinStore({
        url,
        dataDir: stranger,
        post: 'C',
        keyFile: path.join(a.dataDir, STORE_KEY_FILE),
      });
      assert.equal(joined.cic, loadStoreKeys(a.dataDir).cic);
      fs.rmSync(stranger, { recursive: true, force: true });
    },
  );

  test('an entry edited through a superuser connection is named', { timeout: 120_000 }, async () => {
    const { url, a } = await cic(lab);
    await asSuperuser(url, `UPDATE vigie_registry SET camera_id = 99 WHERE seq = 3`);
    assert.deepEqual(problems(await verifyFrom(a, url)), ['altered:3-3']);
    // A copy of a genuine row planted before the first: it should not be there at all.
    await asSuperuser(
      url,
      `INSERT INTO vigie_registry SELECT -5, post, origin, -1, at, type, login, name, rank,
      service, camera_id, surface, data, mac FROM vigie_registry WHERE seq = 2`,
    );
    assert.deepEqual(problems(await verifyFrom(a, url)), ['altered:-5--5', 'altered:3-3']);
  });

  test('a missing entry is named', { timeout: 120_000 }, async () => {
    const { url, a } = await cic(lab);
    await asSuperuser(url, `DELETE FROM vigie_registry WHERE seq = 4`);
    assert.deepEqual(problems(await verifyFrom(a, url)), ['missing:4-4']);
  });

  test('all of one post’s entries deleted are found, from the other post', { timeout: 120_000 }, async () => {
    const { url, a, b } = await cic(lab);
    assert.equal(await asSuperuser(url, `DELETE FROM vigie_registry WHERE post = 'poste-B'`), 4);
    const v = await verifyFrom(a, url);
    assert.deepEqual(problems(v), ['missing:3-3', 'missing:5-5', 'missing:7-7']);
    assert.deepEqual(v.posts, [{ post: 'poste-A', rows: 5 }]);
    // B's last entry was the tail: only a witness past it (B's own) or a checkpoint can miss it.
    assert.deepEqual(problems(await verifyFrom(b, url)), [
      'missing:3-3',
      'missing:5-5',
      'missing:7-7',
      'checkpoint-truncated:9-9',
    ]);
  });

  test(
    'a truncated tail is found against a checkpoint, and against the witness of the post that wrote last',
    { timeout: 120_000 },
    async () => {
      const { url, a, b } = await cic(lab);
      const cp = await storeCheckpoint(url, loadStoreKeys(a.dataDir));
      assert.equal(cp.seq, 9);
      await asSuperuser(url, `DELETE FROM vigie_registry WHERE seq >= 8`);
      assert.deepEqual(problems(await verifyFrom(a, url, cp)), ['checkpoint-truncated:8-9']);
      // B wrote entry 9 last: its witness vouches for it, with no checkpoint file.
      assert.deepEqual(problems(await verifyFrom(b, url)), ['checkpoint-truncated:8-9']);
    },
  );

  test(
    'a registry emptied, or dropped and re-created with another key, reads as wiped',
    { timeout: 120_000 },
    async () => {
      const { url, a, b } = await cic(lab);
      await asSuperuser(url, `DELETE FROM vigie_registry`);
      assert.ok(problems(await verifyFrom(a, url)).includes('wiped:1-1'));
      await asSuperuser(url, `DROP TABLE vigie_registry, vigie_registry_cic, vigie_registry_anchor`);
      const intruder = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-X-'));
      await joinStore({ url, dataDir: intruder, post: 'poste-A' }); // a new CIC key, a clean-looking chain
      const v = await verifyFrom(b, url);
      assert.equal(v.result.ok, false);
      assert.equal(v.result.ok ? '' : v.result.problem, 'wiped');
      // A post that already holds the CIC's key refuses the re-created registry.
      await assert.rejects(joinStore({ url, dataDir: a.dataDir, post: 'poste-A' }), {
        code: 'store_other_cic',
      });
      fs.rmSync(intruder, { recursive: true, force: true });
    },
  );
  test(
    'a forged retention anchor and a forged or foreign checkpoint are named',
    { timeout: 120_000 },
    async () => {
      const { url, a } = await cic(lab);
      const keys = loadStoreKeys(a.dataDir);
      const cp = await storeCheckpoint(url, keys);
      assert.deepEqual(problems(await verifyFrom(a, url, { ...cp, seq: 8 })), ['checkpoint-signature:8-8']);
      const foreign = await storeCheckpoint(url, storeKeys(newStoreKey()));
      assert.deepEqual(problems(await verifyFrom(a, url, foreign)), ['checkpoint-foreign-key:9-9']);
      // Entries 1 to 4 erased, and an anchor planted at 4 so the chain seems to start there: no purge names it.
      await asSuperuser(
        url,
        `INSERT INTO vigie_registry_anchor (id, seq, mac) SELECT 1, seq, mac FROM vigie_registry WHERE seq = 4`,
      );
      await asSuperuser(url, `DELETE FROM vigie_registry WHERE seq <= 4`);
      assert.deepEqual(problems(await verifyFrom(a, url)), ['anchor-unproven:4-4']);
    },
  );
  test(
    'two posts appending at once form one chain: the database serialises them',
    { timeout: 180_000 },
    async () => {
      const { url, a, b } = await cic(lab, 0);
      const [ra, rb] = [openPost(a, url), openPost(b, url)];
      for (let i = 0; i < 300; i++) {
        ra.append({ type: 'view.start', cameraId: i, data: { viewId: `a${i}` } });
        rb.append({ type: 'view.start', cameraId: i, data: { viewId: `b${i}` } });
      }
      const [fa, fb] = await Promise.all([ra.shared!.flush(), rb.shared!.flush()]);
      assert.ok(fa && fb);
      await closeAll(ra, rb);
      const v = await verifyFrom(a, url);
      assert.equal(v.result.ok, true, problems(v).join());
      assert.equal(v.result.rows, 1 + 2 + 600);
    },
  );
});
