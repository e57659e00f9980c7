/** Issue 20 §6: Comptes lifts a block, disables and enables an account, each in the registry. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { Registry } from '../registry/registry';
import { loadOrCreateKeys } from '../registry/registry-key';
import { AuthService, MAX_FAILURES } from './auth-service';
import { SqliteOperatorStore } from './operator-store';

const base = {
  name: 'Jeanne Martin',
  rank: 'Gardien de la paix',
  service: 'CIC',
  badge: '4521',
  role: 'supervisor' as const,
  validFrom: '2020-01-01',
  validUntil: '2099-12-31',
};
const CHEF = { login: 'chef', name: 'Marc Petit', rank: 'Commandant', service: 'CIC' };

async function setup() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-account-states-'));
  const registry = new Registry(dir, loadOrCreateKeys(dir));
  const store = new SqliteOperatorStore(dir);
  const ended: string[] = [];
  const auth = new AuthService(store, registry, {
    isDemo: () => false,
    lockAfterSeconds: 600,
    onRevoke: () => {},
    onSessionChange: (c, v) => v === null && ended.push(c),
    now: () => Date.parse('2026-06-01T10:00:00Z'),
  });
  await auth.saveOperator({ ...base, login: 'martin', password: 'mot-de-passe-1' }, null);
  await auth.saveOperator({ ...base, login: 'chef', role: 'head', password: 'mot-de-passe-2' }, null);
  const events = (type: string) => registry.query().filter((r) => r.type === type);
  return { dir, auth, store, registry, ended, events };
}

test('a blocked account is unblocked by the head: the right password logs in again, and the registry says who', async () => {
  const { auth, store, events } = await setup();
  for (let i = 0; i < MAX_FAILURES; i++) await auth.login('c', 'martin', 'faux');
  assert.ok(store.get('martin')!.lockedUntil, 'blocked');
  const refused = await auth.login('c', 'martin', 'mot-de-passe-1');
  assert.equal(!refused.ok && refused.error.params?.reason, 'locked_out');

  const r = await auth.unlockOperator('martin', CHEF);
  assert.ok(r.ok && r.value.lockedUntil === null && r.value.failedAttempts === 0);
  assert.ok((await auth.login('c', 'martin', 'mot-de-passe-1')).ok);
  const [e] = events('operator.unlock');
  assert.equal(e?.login, 'chef');
  assert.equal(JSON.parse(e!.data).login, 'martin');
  assert.equal(JSON.parse(e!.data).failures, MAX_FAILURES);
});

test('unblocking an account not blocked, or one that does not exist, is refused and records nothing', async () => {
  const { auth, events } = await setup();
  const a = await auth.unlockOperator('martin', CHEF);
  const b = await auth.unlockOperator('personne', CHEF);
  assert.equal(!a.ok && a.error.code, 'account_not_locked');
  assert.equal(!b.ok && b.error.code, 'account_unknown');
  assert.equal(events('operator.unlock').length, 0);
});

test('a disabled account cannot log in, its open session ends at once, and enabling it lets it back', async () => {
  const { auth, events, ended } = await setup();
  assert.ok((await auth.login('poste-1', 'martin', 'mot-de-passe-1')).ok);
  const off = await auth.setOperatorDisabled('martin', true, CHEF);
  assert.ok(off.ok && off.value.disabledAt);
  assert.deepEqual(ended, ['poste-1']);
  assert.equal(auth.status('poste-1'), null);
  const refused = await auth.login('poste-1', 'martin', 'mot-de-passe-1');
  assert.equal(!refused.ok && refused.error.params?.reason, 'disabled');
  // A wrong password is told as one: a disabled account is not revealed to whoever guesses.
  const guess = await auth.login('poste-1', 'martin', 'faux');
  assert.equal(!guess.ok && guess.error.params?.reason, 'credentials');

  // Editing the account does not enable it again.
  await auth.saveOperator({ ...base, login: 'martin', rank: 'Brigadier' }, CHEF);
  assert.ok(auth.listOperators().find((o) => o.login === 'martin')!.disabledAt);

  assert.ok((await auth.setOperatorDisabled('martin', false, CHEF)).ok);
  assert.ok((await auth.login('poste-1', 'martin', 'mot-de-passe-1')).ok);
  assert.equal(events('operator.disable').length, 1);
  assert.equal(events('operator.enable').length, 1);
  assert.equal(events('operator.disable')[0]!.login, 'chef');
});

test('nobody disables his own account; disabling twice records once', async () => {
  const { auth, events } = await setup();
  const self = await auth.setOperatorDisabled('chef', true, CHEF);
  assert.equal(!self.ok && self.error.code, 'account_self');
  assert.equal(auth.listOperators().find((o) => o.login === 'chef')!.disabledAt, null);
  assert.ok((await auth.setOperatorDisabled('martin', true, CHEF)).ok);
  assert.ok((await auth.setOperatorDisabled('martin', true, CHEF)).ok);
  assert.equal(events('operator.disable').length, 1);
  const unknown = await auth.setOperatorDisabled('personne', true, CHEF);
  assert.equal(!unknown.ok && unknown.error.code, 'account_unknown');
});

test('an accounts file from before disabling opens with every account enabled', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-account-old-'));
  const old = new DatabaseSync(path.join(dir, 'operators.db'));
  old.exec(`CREATE TABLE operators (
    login TEXT PRIMARY KEY, name TEXT NOT NULL, rank TEXT NOT NULL, service TEXT NOT NULL, badge TEXT NOT NULL,
    role TEXT NOT NULL, valid_from TEXT NOT NULL, valid_until TEXT NOT NULL, granted_by TEXT NOT NULL,
    password_hash TEXT NOT NULL, failed_attempts INTEGER NOT NULL DEFAULT 0, locked_until TEXT);
    INSERT INTO operators VALUES ('ancien','A','B','C','','viewer','2020-01-01','2099-12-31','installation','x',0,NULL);`);
  old.close();
  const store = new SqliteOperatorStore(dir);
  assert.equal(store.get('ancien')!.disabledAt, null);
  store.setDisabled('ancien', '2026-06-01T10:00:00.000Z');
  assert.equal(store.list()[0]!.disabledAt, '2026-06-01T10:00:00.000Z');
  store.close();
});
