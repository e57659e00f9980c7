/** The rules every OperatorStore keeps, run against the post's SQLite and the shared PostgreSQL alike. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Operator, OperatorStore } from '../../main/records/auth/operator-store';

export const account = (login: string, o: Partial<Operator> = {}): Operator => ({
  login,
  name: `Agent ${login}`,
  rank: 'Brigadier',
  service: 'CIC',
  badge: '123',
  role: 'viewer',
  validFrom: '2026-01-01',
  validUntil: '2026-12-31',
  grantedBy: 'installation',
  passwordHash: `hash-${login}`,
  failedAttempts: 0,
  lockedUntil: null,
  disabledAt: null,
  ...o,
});

const NOW = '2026-06-15T12:00:00.000Z';
const LATER = '2026-06-15T12:15:00.000Z';

export function operatorStoreContract(name: string, open: () => Promise<OperatorStore>): void {
  test(`${name}: an account is kept whole, updated in place, listed by login without its hash`, async () => {
    const s = await open();
    assert.equal(s.count(), 0);
    await s.upsert(account('zoe', { role: 'head' }));
    await s.upsert(account('alain'));
    assert.deepEqual({ ...s.get('zoe') }, account('zoe', { role: 'head' }));
    await s.upsert(account('zoe', { role: 'ptz', rank: 'Major' }));
    assert.equal(s.get('zoe')?.role, 'ptz');
    assert.equal(s.get('zoe')?.rank, 'Major');
    assert.equal(s.count(), 2);
    assert.deepEqual(
      s.list().map((o) => o.login),
      ['alain', 'zoe'],
    );
    assert.ok(s.list().every((o) => !('passwordHash' in o)));
    assert.equal(s.get('personne'), undefined);
    s.close();
  });

  test(`${name}: attempts made at once are each counted once, and the count blocks at the limit`, async () => {
    const s = await open();
    await s.upsert(account('martin'));
    const counts = await Promise.all(Array.from({ length: 12 }, () => s.countAttempt('martin', NOW)));
    assert.deepEqual(
      [...counts].sort((a, b) => a - b),
      Array.from({ length: 12 }, (_, i) => i + 1),
    );
    assert.equal(s.get('martin')?.failedAttempts, 12);
    assert.equal(await s.countAttempt('personne', NOW), 0);
    assert.equal(await s.blockIfOver('martin', 13, LATER), null, 'under the limit');
    assert.equal(await s.blockIfOver('martin', 5, LATER), LATER);
    assert.equal(await s.blockIfOver('martin', 5, '2026-06-15T13:00:00.000Z'), null, 'already blocked');
    assert.equal(s.get('martin')?.lockedUntil, LATER);
    s.close();
  });

  test(`${name}: an expired block starts a new count; a right password clears it`, async () => {
    const s = await open();
    await s.upsert(account('martin', { failedAttempts: 5, lockedUntil: LATER }));
    assert.equal(await s.countAttempt('martin', NOW), 6, 'a block in force keeps counting');
    assert.equal(await s.countAttempt('martin', LATER), 1, 'the block ended: a new count');
    assert.equal(s.get('martin')?.lockedUntil, null);
    await s.clearFailures('martin');
    assert.equal(s.get('martin')?.failedAttempts, 0);
    s.close();
  });

  test(`${name}: an account is disabled from a time, and enabled again`, async () => {
    const s = await open();
    await s.upsert(account('martin'));
    await s.setDisabled('martin', NOW);
    assert.equal(s.get('martin')?.disabledAt, NOW);
    assert.equal(s.list()[0]?.disabledAt, NOW);
    await s.setDisabled('martin', null);
    assert.equal(s.get('martin')?.disabledAt, null);
    s.close();
  });
}
