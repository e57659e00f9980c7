/**
 * The CIC's shared accounts on a real throwaway PostgreSQL: the OperatorStore contract, then what
 * only several posts show: a change on one is in the other's copy within 1 s, counters stay exact
 * across posts, and a post whose LISTEN connection was cut reads everything again.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PgOperatorStore } from './pg-operator-store';
import { asSuperuser } from '../../../test-support/records/pg-databases';
import { pgSuite, type PgLab } from '../../../test-support/records/pg-suite';
import { account, operatorStoreContract } from '../../../test-support/records/operator-store-contract';

/** Two posts' account stores on one fresh database. */
async function twoPosts(lab: PgLab): Promise<{ url: string; a: PgOperatorStore; b: PgOperatorStore }> {
  const url = await lab.database();
  const a = await PgOperatorStore.open(await lab.post(url));
  const b = await PgOperatorStore.open(await lab.post(url));
  return { url, a, b };
}

/** Resolves when `s` reports `login` changed and `ok` holds, or rejects after `ms`. */
function seen(s: PgOperatorStore, login: string, ok: () => boolean, ms = 1_000): Promise<number> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    if (ok()) return resolve(0);
    const timer = setTimeout(() => (off(), reject(new Error(`${login} not seen within ${ms} ms`))), ms);
    const off = s.onChange((l) => {
      if (l !== login || !ok()) return;
      clearTimeout(timer);
      off();
      resolve(performance.now() - t0);
    });
  });
}

pgSuite('PostgreSQL operator store', (lab) => {
  operatorStoreContract('PostgreSQL', async () => PgOperatorStore.open(await lab.post(await lab.database())));

  test('an account created, demoted, disabled on one post is in the other post’s copy within 1 s', async () => {
    const { a, b } = await twoPosts(lab);
    await a.upsert(account('martin', { role: 'supervisor' }));
    await seen(b, 'martin', () => b.get('martin')?.role === 'supervisor');
    await a.upsert(account('martin', { role: 'viewer' }));
    await seen(b, 'martin', () => b.get('martin')?.role === 'viewer');
    await a.setDisabled('martin', '2026-06-15T12:00:00.000Z');
    await seen(b, 'martin', () => b.get('martin')?.disabledAt !== null);
    assert.equal(b.count(), 1);
  });

  test('attempts on two posts at once are each counted once: the block falls at the limit exactly', async () => {
    const { a, b } = await twoPosts(lab);
    await a.upsert(account('martin'));
    await seen(b, 'martin', () => b.get('martin') !== undefined);
    const now = '2026-06-15T12:00:00.000Z';
    const counts = await Promise.all(
      Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).countAttempt('martin', now)),
    );
    assert.deepEqual(
      [...counts].sort((x, y) => x - y),
      Array.from({ length: 10 }, (_, i) => i + 1),
    );
    const blocks = await Promise.all(
      [a, b].map((s) => s.blockIfOver('martin', 5, '2026-06-15T12:15:00.000Z')),
    );
    assert.equal(blocks.filter((x) => x !== null).length, 1, 'one post sets the block, once');
  });

  test('a post whose LISTEN connection was cut reads every account again before trusting its copy', async () => {
    const { url, a, b } = await twoPosts(lab);
    await a.upsert(account('martin', { role: 'supervisor' }));
    await seen(b, 'martin', () => b.get('martin')?.role === 'supervisor');
    // Cut every LISTEN connection, and change the account behind the posts' backs (no NOTIFY).
    await asSuperuser(
      url,
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE 'LISTEN %'`,
    );
    await asSuperuser(url, `UPDATE vigie_operators SET role = 'viewer' WHERE login = 'martin'`);
    await seen(b, 'martin', () => b.get('martin')?.role === 'viewer', 10_000);
    await seen(a, 'martin', () => a.get('martin')?.role === 'viewer', 10_000);
  });
});
