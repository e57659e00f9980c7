/**
 * Two posts, each with its own lease service and registry, sharing one real PostgreSQL server: the
 * second sees the first's lease through NOTIFY (the periodic re-read is set to a minute, so nothing
 * here is polling), a supervisor on one pre-empts an operator on the other, and expiry frees the
 * camera everywhere. A refused connection is an error code.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { startHook, type Hook } from '../../../test-support/control/csu-peers';
import { openPost, who, type Post } from '../../../test-support/control/lease-posts';
import { PgLeaseStore } from './pg-store';
import { pgSuite } from '../../../test-support/records/pg-suite';

const ev = { eventRef: 'EV-7', reason: 'poursuite' };

pgSuite('lease service on PostgreSQL', (lab) => {
  let hook: Hook | undefined;
  const posts: Post[] = [];
  lab.setUp(async () => {
    hook = await startHook();
  });
  lab.cleanup(() => Promise.all(posts.map((p) => p.close())));
  lab.cleanup(() => hook?.close());

  async function post(name: string, o: Parameters<typeof openPost>[1] = {}): Promise<Post> {
    const store = new PgLeaseStore(lab.server.url);
    await store.whenListening();
    const p = openPost(store, { webhook: hook!.url, post: name, sweepMs: 60_000, ...o });
    posts.push(p);
    await p.service.ready();
    return p;
  }

  test(
    'two posts: the second sees the first’s lease at once and is refused with the holder’s name',
    { timeout: 30_000 },
    async () => {
      const [a, b] = [await post('poste-A'), await post('poste-B')];
      const lease = await a.service.take({ cameraId: 21, ...ev }, who('dupont'));
      assert.ok(lease.ok);
      const seen = await b.change((c) => c.lease?.id === lease.value.id);
      assert.equal(seen.lease?.holder.post, 'poste-A');
      assert.equal(b.service.current(21)?.holder.name, 'Agent dupont');
      assert.equal(b.service.holds(21, 'dupont'), false, 'held from another post');
      assert.deepEqual(await b.service.take({ cameraId: 21, ...ev }, who('martin')), {
        ok: false,
        error: { code: 'ptz_held', params: { name: 'Agent dupont', post: 'poste-A' } },
      });
      assert.deepEqual(
        b.story(21).map((e) => e.type),
        ['ptz.request', 'ptz.refuse'],
      );
    },
  );

  test(
    'a supervisor on one post pre-empts an operator on another, who is told why',
    { timeout: 30_000 },
    async () => {
      const [a, b] = [await post('poste-A'), await post('poste-B')];
      const op = await a.service.take({ cameraId: 22, ...ev }, who('dupont'));
      assert.ok(op.ok);
      const sup = await b.service.take({ cameraId: 22, ...ev }, who('chef', 'supervisor'));
      assert.ok(sup.ok);
      const told = await a.change((c) => c.ended?.lease.id === op.value.id);
      assert.equal(told.ended?.reason, 'preempted');
      assert.deepEqual(
        { login: told.ended?.by?.login, post: told.ended?.by?.post },
        { login: 'chef', post: 'poste-B' },
      );
      assert.equal(a.service.holds(22, 'dupont'), false);
      assert.equal(b.service.holds(22, 'chef'), true);
      assert.deepEqual(a.story(22).at(-1)?.type, 'ptz.preempt');
      assert.deepEqual(a.story(22).at(-1)?.data.by, { login: 'chef', name: 'Agent chef', post: 'poste-B' });
      const grant = b.story(22).find((e) => e.type === 'ptz.grant');
      assert.equal((grant?.data.preempted as { post: string }).post, 'poste-A');
    },
  );

  test('concurrent takes from two posts give exactly one holder', { timeout: 30_000 }, async () => {
    const [a, b] = [await post('poste-A'), await post('poste-B')];
    const rs = await Promise.all([
      a.service.take({ cameraId: 12, ...ev }, who('dupont')),
      b.service.take({ cameraId: 12, ...ev }, who('martin')),
    ]);
    assert.equal(rs.filter((r) => r.ok).length, 1);
    const loser = rs.find((r) => !r.ok);
    assert.equal(loser && !loser.ok && loser.error.code, 'ptz_held');
    const winner = rs.find((r) => r.ok)!;
    assert.ok(winner.ok);
    const onB = await b.change((c) => c.lease?.id === winner.value.id);
    assert.equal(onB.lease?.id, winner.value.id);
    await a.service.release(12, who(winner.value.holder.login));
    await b.service.release(12, who(winner.value.holder.login));
  });

  test('expiry frees the camera on every post', { timeout: 30_000 }, async () => {
    const [a, b] = [await post('poste-A', { minuteMs: 50 }), await post('poste-B', { minuteMs: 50 })];
    const lease = await a.service.take({ cameraId: 21, minutes: 4, ...ev }, who('dupont'));
    assert.ok(lease.ok);
    await b.change((c) => c.lease?.id === lease.value.id);
    const [onA, onB] = await Promise.all([
      a.change((c) => c.ended?.lease.id === lease.value.id),
      b.change((c) => c.ended?.lease.id === lease.value.id),
    ]);
    assert.equal(onA.ended?.reason, 'expired');
    assert.equal(onB.ended?.reason, 'expired');
    assert.equal(await a.store.current(21, 0), null, 'released in the shared store');
    assert.equal(a.story(21).at(-1)?.type, 'ptz.expire');
    assert.equal(b.story(21).length, 0, 'each post records its own operators');
  });

  test(
    'an unreachable server refuses control with a code, quickly, and never throws',
    { timeout: 30_000 },
    async () => {
      const s = net.createServer();
      await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
      const port = (s.address() as net.AddressInfo).port;
      await new Promise((r) => s.close(r));
      const p = openPost(new PgLeaseStore(`postgres://vigie:mot-de-passe@127.0.0.1:${port}/postgres`), {
        webhook: hook!.url,
        post: 'poste-C',
      });
      posts.push(p);
      const t0 = Date.now();
      const r = await p.service.take({ cameraId: 21, ...ev }, who('dupont'));
      assert.deepEqual(r, { ok: false, error: { code: 'lease_store_unreachable' } });
      assert.ok(Date.now() - t0 < 6_000);
      assert.deepEqual(p.story(21).at(-1)?.data, { post: 'poste-C', kind: 'take', why: 'store_unreachable' });
    },
  );
});
