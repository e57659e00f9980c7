/** The rules every ContactStore keeps, run against the post's file and the shared PostgreSQL alike. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ContactEntry } from '../../common/contract';
import type { ContactStore } from '../../main/desk/contacts/contacts-store';

const entry = (o: Partial<ContactEntry> = {}): ContactEntry => ({
  site: 'csu',
  label: 'Opérateur CSU',
  number: '04 12 34 56 78',
  notes: '',
  ...o,
});

/** `open` gives a store on fresh storage, and a way to open another on the same storage. */
export type OpenContacts = () => Promise<{ store: ContactStore; again: () => Promise<ContactStore> }>;

export function contactStoreContract(name: string, open: OpenContacts): void {
  test(`${name}: an empty list at first; a saved list is kept trimmed, with who and when`, async () => {
    const { store, again } = await open();
    assert.deepEqual(store.get(), { entries: [], procedure: '', updatedAt: null, updatedBy: null });
    const r = await store.set(
      { entries: [entry({ label: '  Chef CSU ' })], procedure: ' Appeler ' },
      'Anne Chef',
    );
    assert.ok(r.ok);
    assert.equal(r.value.entries[0]?.label, 'Chef CSU');
    assert.equal(r.value.procedure, 'Appeler');
    assert.equal(r.value.updatedBy, 'Anne Chef');
    assert.deepEqual(store.get(), r.value);
    assert.deepEqual((await again()).get(), r.value, 'read back by another store on the same storage');
  });

  test(`${name}: a refused list changes nothing and says which line`, async () => {
    const { store, again } = await open();
    const first = await store.set({ entries: [entry()], procedure: '' }, 'Anne Chef');
    assert.ok(first.ok);
    const r = await store.set(
      { entries: [entry(), entry({ number: "17'; DROP TABLE x;--" })], procedure: '' },
      'X',
    );
    assert.deepEqual(r.ok ? null : [r.error.code, r.error.params?.line], ['contacts_invalid', 2]);
    assert.deepEqual(store.get(), first.value);
    assert.deepEqual((await again()).get(), first.value);
  });
}
