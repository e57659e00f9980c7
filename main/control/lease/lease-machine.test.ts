import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LeaseMachine } from './lease-machine';
import type { Lease } from './types';

const lease = (id: string, login: string, expiresAt: number, post = 'poste-1'): Lease => ({
  id,
  cameraId: 5,
  holder: { login, name: login, rank: '', service: '', post },
  priority: 1,
  eventRef: 'EV',
  reason: 'r',
  grantedAt: 0,
  expiresAt,
  notified: 'csu',
});

test('each end gets its reason: released, expired, pre-empted (by whom), and a renewal is no end', () => {
  const m = new LeaseMachine();
  const a = lease('a', 'dupont', 1000);
  assert.deepEqual(m.observe(5, a, 0), { cameraId: 5, lease: a });
  assert.equal(m.observe(5, a, 10), null, 'nothing new');
  assert.equal(m.get(5).state, 'held');
  assert.equal(m.observe(5, null, 500)?.ended?.reason, 'released');
  assert.equal(m.get(5).state, 'free');
  m.observe(5, a, 0);
  assert.equal(m.observe(5, null, 1000)?.ended?.reason, 'expired');
  m.observe(5, a, 0);
  const b = lease('b', 'chef', 2000, 'poste-2');
  const pre = m.observe(5, b, 10);
  assert.equal(pre?.ended?.reason, 'preempted');
  assert.equal(pre?.ended?.by?.login, 'chef');
  const b2 = lease('b2', 'chef', 3000, 'poste-2');
  assert.deepEqual(m.observe(5, b2, 10), { cameraId: 5, lease: b2 });
  assert.deepEqual(
    m.observe(5, { ...b2, expiresAt: 4000 }, 10)?.ended,
    undefined,
    'an extension ends nothing',
  );
});

test('one notification per camera at a time; the lease in force is tracked meanwhile', () => {
  const m = new LeaseMachine();
  assert.equal(m.begin(5, 'take', 'dupont'), true);
  assert.equal(m.begin(5, 'take', 'martin'), false);
  const other = lease('x', 'martin', 1000, 'poste-2');
  m.observe(5, other, 0);
  assert.equal(m.get(5).state, 'notifying');
  assert.equal(m.lease(5)?.id, 'x');
  m.finish(5);
  assert.deepEqual(m.get(5), { state: 'held', lease: other });
  m.begin(5, 'extend', 'martin');
  m.observe(5, null, 2000);
  m.finish(5);
  assert.deepEqual(m.get(5), { state: 'free' });
});
