/** The PostgreSQL lease store against a real throwaway server: two posts share one truth. */
import { test } from 'node:test';
import pg from 'pg';
import assert from 'node:assert/strict';
import { PgLeaseStore } from './pg-store';
import { pgSuite } from '../../../test-support/records/pg-suite';
import { holder, request, storeContract } from '../../../test-support/control/lease-store-contract';

/** Resolves when the store reports this camera changed. */
const changeOf = (s: PgLeaseStore, cameraId: number): Promise<number> =>
  new Promise((resolve) => {
    const off = s.onChange((c) => {
      if (c !== cameraId) return;
      off();
      resolve(c);
    });
  });

pgSuite('PostgreSQL lease store', (lab) => {
  const stores: PgLeaseStore[] = [];
  lab.cleanup(() => Promise.all(stores.map((s) => s.close())));
  const open = async (): Promise<PgLeaseStore> => {
    const s = new PgLeaseStore(lab.server.url);
    stores.push(s);
    await s.whenListening();
    return s;
  };

  storeContract('postgres', open);

  test(
    'postgres: the second post hears of the first post’s lease through NOTIFY and sees it',
    { timeout: 30_000 },
    async () => {
      const [a, b] = [await open(), await open()];
      const heard = changeOf(b, 11);
      const now = Date.now();
      const r = await a.acquire(request(11, holder('alice', 'poste-A'), now));
      assert.ok(r.ok);
      assert.equal(await heard, 11);
      assert.equal((await b.current(11, now))?.holder.post, 'poste-A');
    },
  );

  test(
    'postgres: a supervisor on one post pre-empts an operator on another',
    { timeout: 30_000 },
    async () => {
      const [a, b] = [await open(), await open()];
      const now = Date.now();
      const op = await a.acquire(request(12, holder('alice', 'poste-A'), now));
      assert.ok(op.ok);
      const heard = changeOf(a, 12);
      const sup = await b.acquire(request(12, holder('chef', 'poste-B'), now, { priority: 2 }));
      assert.ok(sup.ok);
      assert.equal(sup.preempted?.id, op.lease.id);
      assert.equal(await heard, 12);
      assert.equal((await a.current(12, now))?.holder.login, 'chef');
    },
  );

  test(
    'postgres: concurrent acquires from two posts give exactly one holder',
    { timeout: 30_000 },
    async () => {
      const [a, b] = [await open(), await open()];
      for (let cam = 100; cam < 120; cam++) {
        const now = Date.now();
        // Half the cameras already have a row (taken and released before): the row lock must hold there too.
        if (cam % 2) {
          const first = await a.acquire(request(cam, holder('carole', 'poste-A'), now));
          assert.ok(first.ok);
          await a.release(first.lease.id);
        }
        const rs = await Promise.all([
          a.acquire(request(cam, holder('alice', 'poste-A'), now)),
          b.acquire(request(cam, holder('bob', 'poste-B'), now)),
        ]);
        assert.equal(rs.filter((r) => r.ok).length, 1, `camera ${cam}: one holder`);
        const held = await a.current(cam, now);
        const winner = rs.find((r) => r.ok);
        assert.equal(held?.id, winner?.ok ? winner.lease.id : undefined);
      }
    },
  );

  test('postgres: expiry frees the camera for the other post', { timeout: 30_000 }, async () => {
    const [a, b] = [await open(), await open()];
    const now = Date.now();
    assert.ok((await a.acquire(request(13, holder('alice', 'poste-A'), now, { expiresAt: now + 50 }))).ok);
    assert.equal((await b.acquire(request(13, holder('bob', 'poste-B'), now + 10))).ok, false);
    assert.equal(await b.current(13, now + 60), null);
    assert.ok((await b.acquire(request(13, holder('bob', 'poste-B'), now + 60))).ok);
  });

  test(
    'postgres: a foreign or garbled notification on the channel is ignored',
    { timeout: 30_000 },
    async () => {
      const s = await open();
      const heard: number[] = [];
      s.onChange((c) => heard.push(c));
      const valid = changeOf(s, 15);
      const c = new pg.Client({ connectionString: lab.server.url });
      await c.connect();
      for (const payload of ['', 'garbage', 'x:abc', 'x:1.5', ':'.repeat(500)])
        await c.query("SELECT pg_notify('vigie_ptz_lease', $1)", [payload]);
      await c.query("SELECT pg_notify('vigie_ptz_lease', 'other-post:15')");
      await c.end();
      await valid;
      assert.deepEqual(heard, [15]);
    },
  );

  test(
    'postgres: a server restart is survived: queries fail with a code meanwhile, the listener comes back',
    { timeout: 30_000 },
    async () => {
      const [a, b] = [await open(), await open()];
      await lab.server.stop();
      const t0 = Date.now();
      await assert.rejects(a.acquire(request(14, holder('alice', 'poste-A'), t0)), (e: { code?: string }) => {
        assert.equal(typeof e.code, 'string');
        return true;
      });
      assert.ok(Date.now() - t0 < 6_000, 'a refused connection fails fast, it does not hang');
      await lab.server.start();
      await b.whenListening();
      const heard = changeOf(b, 14);
      const now = Date.now();
      assert.ok((await a.acquire(request(14, holder('alice', 'poste-A'), now))).ok);
      assert.equal(await heard, 14);
    },
  );
});
