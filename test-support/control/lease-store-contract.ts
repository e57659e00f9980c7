/** The rules every LeaseStore must keep, run against the embedded and the PostgreSQL store alike. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AcquireRequest } from '../../main/control/lease/lease-rule';
import type { LeaseHolder, LeaseStore } from '../../main/control/lease/types';

export const holder = (login: string, post = 'poste-1'): LeaseHolder => ({
  login,
  name: `Nom ${login}`,
  rank: 'Brigadier',
  service: 'CIC',
  post,
});

export function request(
  cameraId: number,
  h: LeaseHolder,
  now: number,
  o: Partial<AcquireRequest> = {},
): AcquireRequest {
  return {
    cameraId,
    holder: h,
    priority: 1,
    eventRef: 'EV-1',
    reason: 'rixe',
    expiresAt: now + 60_000,
    notified: 'csu',
    now,
    ...o,
  };
}

export function storeContract(name: string, open: () => Promise<LeaseStore>): void {
  test(
    `${name}: one holder per camera; same priority is refused, a higher one pre-empts`,
    { timeout: 30_000 },
    async () => {
      const s = await open();
      const now = Date.now();
      const a = await s.acquire(request(1, holder('alice'), now));
      assert.ok(a.ok);
      assert.equal(a.preempted, null);
      const b = await s.acquire(request(1, holder('bob'), now));
      assert.ok(!b.ok);
      assert.equal(b.heldBy.holder.login, 'alice');
      assert.equal(b.heldBy.id, a.lease.id);
      const sup = await s.acquire(request(1, holder('chef'), now, { priority: 2 }));
      assert.ok(sup.ok);
      assert.equal(sup.preempted?.id, a.lease.id);
      assert.equal((await s.current(1, now))?.holder.login, 'chef');
      // Another supervisor does not pre-empt a supervisor.
      assert.equal((await s.acquire(request(1, holder('chef2'), now, { priority: 2 }))).ok, false);
      await s.close();
    },
  );

  test(
    `${name}: the same login takes again; an expired lease frees the camera`,
    { timeout: 30_000 },
    async () => {
      const s = await open();
      const now = Date.now();
      const a = await s.acquire(request(2, holder('alice'), now, { expiresAt: now + 1000 }));
      assert.ok(a.ok);
      const again = await s.acquire(request(2, holder('alice', 'poste-2'), now));
      assert.ok(again.ok);
      assert.notEqual(again.lease.id, a.lease.id);
      assert.equal(again.preempted, null);
      const later = now + 120_000;
      assert.equal(await s.current(2, later), null);
      assert.deepEqual(await s.all(later), []);
      const b = await s.acquire(request(2, holder('bob'), later));
      assert.ok(b.ok, 'an expired lease does not hold the camera');
      await s.close();
    },
  );

  test(
    `${name}: extend and release act on that lease only; onChange names the camera`,
    { timeout: 30_000 },
    async () => {
      const s = await open();
      const seen: number[] = [];
      s.onChange((c) => seen.push(c));
      const now = Date.now();
      const a = await s.acquire(request(3, holder('alice'), now));
      assert.ok(a.ok);
      const ext = await s.extend(a.lease.id, now + 600_000, now);
      assert.equal(ext?.expiresAt, now + 600_000);
      assert.equal((await s.current(3, now))?.expiresAt, now + 600_000);
      assert.equal(await s.extend('not-a-lease', now + 1, now), null);
      assert.equal(
        await s.extend(a.lease.id, now + 700_000, now + 600_001),
        null,
        'an expired lease is not extended',
      );
      assert.equal((await s.release(a.lease.id))?.id, a.lease.id);
      assert.equal(await s.release(a.lease.id), null, 'already released');
      assert.equal(await s.current(3, now), null);
      await new Promise((r) => setImmediate(r));
      assert.deepEqual(seen, [3, 3, 3]);
      assert.deepEqual(
        (await s.all(now)).filter((l) => l.cameraId === 3),
        [],
      );
      await s.close();
    },
  );
}
