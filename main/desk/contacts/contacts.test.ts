/** Issue 12: contacts hold only well-formed numbers, survive a restart, and each change is recorded. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ContactEntry } from '../../../common/contract';
import { EventHub } from '../../platform/ipc/router';
import { Registry } from '../../records/registry/registry';
import { loadOrCreateKeys } from '../../records/registry/registry-key';
import { contactsHandlers } from './contacts-handlers';
import { CONTACTS_FILE, FileContactStore, validateContacts } from './contacts-store';

const entry = (o: Partial<ContactEntry> = {}): ContactEntry => ({
  site: 'csu',
  label: 'CSU — opérateur de permanence',
  number: '+33 4 12 34 56 78',
  notes: '24 h/24',
  ...o,
});

test('numbers: digits, spaces and a leading +, bounded; the first bad line is told', () => {
  for (const good of ['17', '04 12 34 56 78', '+33 4 12 34 56 78', ' 0412345678 '])
    assert.ok(validateContacts({ entries: [entry({ number: good })], procedure: '' }).ok, good);
  for (const bad of ['', '1', '04-12-34', '+33 (0)4', '04 12 34 56 78 90 12 34 5', '12+34', 'abc', '+'])
    assert.deepEqual(
      (() => {
        const r = validateContacts({ entries: [entry(), entry({ number: bad })], procedure: '' });
        return r.ok ? null : [r.error.code, r.error.params?.reason, r.error.params?.line];
      })(),
      ['contacts_invalid', 'number', 2],
      JSON.stringify(bad),
    );
  const label = validateContacts({ entries: [entry({ label: '  ' })], procedure: '' });
  assert.equal(label.ok ? '' : label.error.params?.reason, 'label');
  const proc = validateContacts({ entries: [], procedure: 'x'.repeat(5000) });
  assert.equal(proc.ok ? '' : proc.error.params?.reason, 'procedure');
});

test('saved contacts are recorded, pushed and read back after a restart; a refused list changes nothing', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-contacts-'));
  const registry = new Registry(dir, loadOrCreateKeys(dir));
  const store = new FileContactStore(dir);
  const events = new EventHub();
  const pushed: unknown[] = [];
  events.add((e) => pushed.push(e));
  const chef = { login: 'chef', name: 'Claire Chef', rank: 'Commandant', service: 'CIC' };
  const h = contactsHandlers({ store, registry, events, actor: () => chef });
  const ctx = { clientId: 'c' };
  const saved = await h['contacts:set'].handle(
    { entries: [entry()], procedure: 'Prévenir l’officier de permanence.' },
    ctx,
  );
  assert.ok(saved.ok);
  assert.equal(saved.value.updatedBy, 'Claire Chef');
  const refused = await h['contacts:set'].handle({ entries: [entry({ number: 'abc' })], procedure: '' }, ctx);
  assert.equal(refused.ok ? '' : refused.error.code, 'contacts_invalid');
  const again = new FileContactStore(dir).get();
  assert.deepEqual(again.entries, [entry()]);
  assert.equal(again.procedure, 'Prévenir l’officier de permanence.');
  const changes = registry.query({ types: ['contacts.change'] });
  assert.equal(changes.length, 1);
  assert.deepEqual((JSON.parse(changes[0]!.data) as { after: unknown }).after, {
    entries: [entry()],
    procedure: 'Prévenir l’officier de permanence.',
  });
  assert.deepEqual(pushed, ['contacts:changed']);

  // A tampered file is not trusted: the list starts empty, the post keeps running.
  fs.writeFileSync(
    path.join(dir, CONTACTS_FILE),
    JSON.stringify({ entries: [entry({ number: '<script>' })] }),
  );
  assert.deepEqual(new FileContactStore(dir).get().entries, []);
  fs.writeFileSync(path.join(dir, CONTACTS_FILE), '{ not json');
  assert.deepEqual(new FileContactStore(dir).get().entries, []);
  registry.close();
});
