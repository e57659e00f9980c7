/**
 * The database goes away; nothing is lost. A post keeps appending while PostgreSQL is stopped: the
 * entries wait in its outbox, the link says `outage` with how many wait, and once the server is back
 * every entry arrives in order, with its original time, and the CIC's chain verifies. A post killed
 * (SIGKILL) during the outage finds its outbox intact at the next start, and flushes it.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { test } from 'node:test';
import pg from 'pg';
import { pgSuite, type PgLab } from '../../../test-support/records/pg-suite';
import { openPost, verifyFrom, type TestPost } from '../../../test-support/records/store-posts';
import { startRegistry } from './open-registry';
import type { Registry } from './registry';
import type { StoreLinkView } from './registry-pump';

const CHILD = path.join(__dirname, '..', '..', '..', 'test-support', 'records', 'store-post-child.ts');

async function cicOf(lab: PgLab, post: string): Promise<{ url: string; p: TestPost }> {
  const url = await lab.database();
  const [p] = await lab.join(url, [post]);
  return { url, p: p! };
}

/** Resolves with the link's view when it reaches this state. */
const reaches = (r: Registry, state: StoreLinkView['state']): Promise<StoreLinkView> =>
  new Promise((resolve) => {
    if (r.shared!.view().state === state) return resolve(r.shared!.view());
    const off = r.shared!.onChange((v) => {
      if (v.state !== state) return;
      off();
      resolve(v);
    });
  });

async function storeRows(url: string, post: string): Promise<{ at: string; type: string; data: string }[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const r = await c.query<{ at: string; type: string; data: string }>(
      // The CIC's own first entry (written by the join) aside: what came through the post's outbox.
      "SELECT at, type, data FROM vigie_registry WHERE post = $1 AND origin NOT LIKE 'join:%' ORDER BY seq",
      [post],
    );
    return r.rows;
  } finally {
    await c.end();
  }
}

const localRows = (r: Registry): { at: string; type: string; data: string }[] =>
  r.query().map(({ at, type, data }) => ({ at, type, data }));

pgSuite('the registry through an outage of PostgreSQL', (lab) => {
  test(
    'appends made while PostgreSQL is stopped wait in the outbox, then all arrive in order with their original time',
    { timeout: 180_000 },
    async () => {
      const { url, p } = await cicOf(lab, 'poste-A');
      const r = openPost(p, url);
      r.append({ type: 'auth.login', data: { before: true } });
      assert.equal(await r.shared!.flush(), true);
      assert.equal(r.shared!.view().state, 'connected');

      const pushed: string[] = []; // what the console's status area receives (registry:health)
      r.onHealth((h) => pushed.push(`${h.state}/${h.shared?.state}`));
      await lab.server.stop();
      const outage = reaches(r, 'outage');
      r.append({ type: 'view.start', cameraId: 1, data: { viewId: 'v1' } });
      const seen = await outage;
      assert.equal(seen.state, 'outage');
      for (let i = 2; i <= 20; i++) r.append({ type: 'view.start', cameraId: i, data: { viewId: `v${i}` } });
      r.appendLater({ type: 'auth.logout', data: { during: 'outage' } });
      const waiting = r.shared!.view();
      assert.equal(waiting.state, 'outage');
      assert.equal(waiting.queued, 21, 'every entry made meanwhile waits on this post');

      await lab.server.start();
      await reaches(r, 'connected'); // by itself: the pump retries
      assert.equal(await r.shared!.flush(), true);
      assert.equal(r.shared!.view().queued, 0);
      assert.deepEqual(pushed, ['writing/outage', 'writing/connected'], 'the post writes on throughout');
      assert.deepEqual(
        await storeRows(url, 'poste-A'),
        localRows(r),
        'the same entries, same times, same order',
      );
      const v = await verifyFrom(p, url);
      assert.equal(v.result.ok, true, JSON.stringify(v.result));
      await r.shared!.close();
      r.close();
    },
  );

  test(
    'a post killed during the outage flushes its outbox at the next start',
    { timeout: 180_000 },
    async () => {
      const { url, p } = await cicOf(lab, 'poste-K');
      await lab.server.stop();
      const child = spawn(process.execPath, ['--import', 'tsx', CHILD, p.dataDir, p.post, url, '12'], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (d: Buffer) => d.toString().includes('appended 12') && resolve());
        child.on('exit', (code) => reject(new Error(`the post ended by itself (${code})`)));
      });
      child.kill('SIGKILL');
      await new Promise((resolve) => child.once('exit', resolve));
      const db = new DatabaseSync(path.join(p.dataDir, 'registry.db'), { readOnly: true });
      const { queued } = db.prepare('SELECT count(*) AS queued FROM registry_outbox').get() as {
        queued: number;
      };
      db.close();
      assert.equal(queued, 13, 'the post’s own registry.init and its 12 entries, all on disk');

      await lab.server.start();
      const r = openPost(p, url);
      await reaches(r, 'connected');
      assert.equal(await r.shared!.flush(), true);
      const arrived = await storeRows(url, 'poste-K');
      assert.deepEqual(arrived, localRows(r));
      assert.equal(arrived.filter((e) => e.data.includes('killed-')).length, 12);
      assert.equal((await verifyFrom(p, url)).result.ok, true);
      await r.shared!.close();
      r.close();
    },
  );
  test(
    'a post started with --store records its start in the CIC’s registry, under its name',
    { timeout: 120_000 },
    async () => {
      const { url, p } = await cicOf(lab, 'poste-S');
      const r = startRegistry({
        dataDir: p.dataDir,
        host: 'browser',
        version: '9.9.9',
        store: { url, post: 'salle-de-crise' },
      });
      assert.equal(await r.shared!.flush(), true);
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      const rows = await c.query<{ post: string }>(
        `SELECT post FROM vigie_registry WHERE type = 'app.start'`,
      );
      await c.end();
      assert.deepEqual(rows.rows, [{ post: 'salle-de-crise' }]);
      await r.shared!.close();
      r.close();
    },
  );
});
