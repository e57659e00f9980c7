/** Issue 7 §4: lockout under parallel attempts, unlock failures, pushes, stale rights, main's idle lock. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Registry } from '../registry/registry';
import { loadOrCreateKeys } from '../registry/registry-key';
import { AuthService, MAX_FAILURES } from './auth-service';
import { camerasEvents } from '../../video/cameras/cameras-handlers';
import { layoutEvents } from '../../video/mosaic/mosaic-handlers';
import { streamsEvents } from '../../video/streams/streams-handlers';
import { authEvents } from './auth-handlers';
import { SqliteOperatorStore } from './operator-store';

const base = {
  name: 'Jeanne Martin',
  rank: 'Gardien de la paix',
  service: 'CIC',
  badge: '4521',
  validFrom: '2020-01-01',
  validUntil: '2099-12-31',
};

async function setup(o: { demo?: boolean; lockAfterSeconds?: number } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-sessions-'));
  const registry = new Registry(dir, loadOrCreateKeys(dir));
  const store = new SqliteOperatorStore(dir);
  const clock = { t: Date.parse('2026-06-01T10:00:00Z') };
  const revoked: string[] = [];
  const changes: [string, unknown][] = [];
  const auth = new AuthService(store, registry, {
    isDemo: () => o.demo ?? false,
    lockAfterSeconds: o.lockAfterSeconds ?? 60,
    onRevoke: (t) => revoked.push(t),
    onSessionChange: (c, v) => changes.push([c, v]),
    now: () => clock.t,
  });
  await auth.saveOperator({ ...base, login: 'martin', role: 'supervisor', password: 'mot-de-passe-1' }, null);
  return { auth, store, registry, clock, revoked, changes };
}

test('20 wrong passwords in parallel lock the account: the counter reaches the limit', async () => {
  const { auth, store } = await setup();
  const results = await Promise.all(
    Array.from({ length: 20 }, (_, i) => auth.login(`c${i}`, 'martin', `faux-${i}`)),
  );
  assert.ok(results.every((r) => !r.ok));
  const op = store.get('martin')!;
  assert.ok(op.failedAttempts >= MAX_FAILURES, `counter at ${op.failedAttempts}`);
  assert.ok(op.lockedUntil, 'the account is blocked');
  const right = await auth.login('c99', 'martin', 'mot-de-passe-1');
  assert.ok(!right.ok && right.error.params?.reason === 'locked_out');
});

test('four failures then the right password still logs in, and the count starts again', async () => {
  const { auth, store } = await setup();
  for (let i = 0; i < MAX_FAILURES - 1; i++) await auth.login('c', 'martin', 'faux');
  assert.ok((await auth.login('c', 'martin', 'mot-de-passe-1')).ok);
  assert.equal(store.get('martin')!.failedAttempts, 0);
});

test('unlock counts failures and logs the session out after 5', async () => {
  const { auth, changes } = await setup();
  assert.ok((await auth.login('c1', 'martin', 'mot-de-passe-1')).ok);
  auth.lock('c1', 'manual');
  for (let i = 1; i < MAX_FAILURES; i++) {
    const r = await auth.unlock('c1', 'faux');
    assert.ok(!r.ok && r.error.params?.reason === 'password');
  }
  const last = await auth.unlock('c1', 'faux');
  assert.ok(!last.ok && last.error.params?.reason === 'unlock_failures');
  assert.equal(auth.status('c1'), null, 'logged out');
  assert.deepEqual(changes.at(-1), ['c1', null], 'its window is told');
  assert.equal((await auth.unlock('c1', 'mot-de-passe-1')).ok, false);
});

test('a block others set on the account never keeps the operator of a locked session from unlocking', async () => {
  const { auth, store } = await setup();
  assert.ok((await auth.login('console', 'martin', 'mot-de-passe-1')).ok);
  auth.lock('console', 'manual');
  // Another client (a local process) blocks the account with wrong logins, one still in flight.
  for (let i = 0; i < MAX_FAILURES; i++) await auth.login(`x${i}`, 'martin', `faux-${i}`);
  const blockedUntil = store.get('martin')!.lockedUntil;
  assert.ok(blockedUntil, 'the account is blocked');
  const inFlight = auth.login('x-late', 'martin', 'faux-late');
  const r = await auth.unlock('console', 'mot-de-passe-1');
  assert.ok(r.ok, JSON.stringify(r));
  assert.equal(auth.status('console')?.locked, false);
  await inFlight;
  // The block stays for everyone else: unlocking did not lift it.
  assert.equal(store.get('martin')!.lockedUntil, blockedUntil);
  const login = await auth.login('x-next', 'martin', 'mot-de-passe-1');
  assert.ok(!login.ok && login.error.params?.reason === 'locked_out');
});

test('the holder’s own guesses stay bounded: ten unlocks in parallel check five, then the session closes', async () => {
  const { auth, store } = await setup();
  assert.ok((await auth.login('c1', 'martin', 'mot-de-passe-1')).ok);
  auth.lock('c1', 'manual');
  const before = store.get('martin')!.failedAttempts;
  const results = await Promise.all(
    Array.from({ length: 10 }, (_, i) => auth.unlock('c1', i === 9 ? 'mot-de-passe-1' : `faux-${i}`)),
  );
  assert.ok(
    results.every((r) => !r.ok),
    'the right one came past the limit: not checked',
  );
  assert.equal(auth.status('c1'), null, 'the session is closed');
  assert.equal(store.get('martin')!.failedAttempts - before, MAX_FAILURES, 'five checked');
});

test("pushes go through their modules' rules: anonymous and locked clients get none", async () => {
  const { auth } = await setup();
  // Every push has exactly one rule: main/app/modules.test.ts.
  const rules = { ...camerasEvents, ...streamsEvents, ...layoutEvents, ...authEvents };
  const mayReceive = (c: string, e: keyof typeof rules, target: string | null) =>
    auth.mayReceive(c, rules[e], target);
  assert.equal(mayReceive('anon', 'cameras:changed', null), false);
  assert.equal(mayReceive('anon', 'streams:status', null), false);
  assert.equal(mayReceive('anon', 'layout:changed', null), false);
  await auth.login('c1', 'martin', 'mot-de-passe-1');
  assert.equal(mayReceive('c1', 'streams:status', null), true);
  assert.equal(mayReceive('c1', 'auth:session', 'c2'), false, 'a targeted push reaches only its client');
  auth.lock('c1', 'manual');
  assert.equal(mayReceive('c1', 'cameras:changed', null), false);
});

test('stale rights: a demoted or expired account loses its rights within the recheck period', async () => {
  const { auth, store, clock, revoked } = await setup();
  await auth.login('c1', 'martin', 'mot-de-passe-1');
  assert.equal(auth.check('c1', 'registry'), null);
  // Changed behind the console's back (the CLI, another post): the snapshot is stale.
  store.upsert({ ...store.get('martin')!, role: 'technician' });
  assert.equal(auth.check('c1', 'registry'), null, 'still the snapshot before a minute');
  clock.t += 61_000;
  assert.equal(auth.check('c1', 'registry')?.error.code, 'forbidden');
  assert.ok(auth.status('c1'), 'demoted, not logged out');
  assert.equal(auth.videoToken('c1'), null, 'a technician never sees images');
  assert.ok(revoked.length > 0, 'its video token was revoked');
  store.upsert({ ...store.get('martin')!, role: 'viewer', validUntil: '2026-05-31' });
  clock.t += 61_000;
  auth.sweep();
  assert.equal(auth.status('c1'), null, 'expired: the session is gone');
});

test('unlock re-checks the account: expired meanwhile, the unlock is refused', async () => {
  const { auth, store } = await setup();
  await auth.login('c1', 'martin', 'mot-de-passe-1');
  auth.lock('c1', 'manual');
  store.upsert({ ...store.get('martin')!, validUntil: '2026-05-01' });
  const r = await auth.unlock('c1', 'mot-de-passe-1');
  assert.ok(!r.ok && r.error.params?.reason === 'expired');
  assert.equal(auth.status('c1'), null);
});

test('inactivity lock in main: no invoke or ping for lockAfter seconds revokes the video token', async () => {
  const { auth, clock, revoked, changes } = await setup({ lockAfterSeconds: 30 });
  await auth.login('c1', 'martin', 'mot-de-passe-1');
  const token = auth.videoToken('c1')!;
  clock.t += 20_000;
  auth.touch('c1'); // an invoke or the renderer's activity ping
  clock.t += 20_000;
  auth.sweep();
  assert.equal(auth.videoToken('c1'), token, 'active 20 s ago: still open');
  clock.t += 11_000;
  auth.sweep();
  assert.equal(auth.status('c1')?.locked, true);
  assert.ok(revoked.includes(token));
  assert.equal(auth.authorizeVideo(token), null);
  assert.equal((changes.at(-1)?.[1] as { locked: boolean }).locked, true);
});

test('any inventory change ends the demo sessions', async () => {
  const { auth } = await setup({ demo: true });
  assert.ok((await auth.login('d1', 'demo', 'demo')).ok);
  auth.endDemoSessions();
  assert.equal(auth.status('d1'), null);
});
