/**
 * The CIC's shared contacts on a real throwaway PostgreSQL: the ContactStore contract, and a list
 * saved on one post is in the other's copy, and told to its listeners, within 1 s.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ContactsView } from '../../../common/contract';
import { PgContactStore } from './pg-contacts-store';
import { pgSuite } from '../../../test-support/records/pg-suite';
import { contactStoreContract } from '../../../test-support/desk/contact-store-contract';

pgSuite('PostgreSQL contacts store', (lab) => {
  contactStoreContract('PostgreSQL', async () => {
    const url = await lab.database();
    const again = async () => PgContactStore.open(await lab.post(url));
    return { store: await again(), again };
  });

  test('a list saved on one post is on the other within 1 s', async () => {
    const url = await lab.database();
    const a = await PgContactStore.open(await lab.post(url));
    const b = await PgContactStore.open(await lab.post(url));
    const told = new Promise<ContactsView>((resolve) => b.onChange(resolve));
    const t0 = performance.now();
    const saved = await a.set({ entries: [], procedure: 'Prévenir le CSU' }, 'Anne Chef');
    assert.ok(saved.ok);
    const timeout = new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error('not within 1 s')), 1_000),
    );
    assert.deepEqual(await Promise.race([told, timeout]), saved.value);
    assert.deepEqual(b.get(), saved.value);
    assert.ok(performance.now() - t0 < 1_000);
  });
});
