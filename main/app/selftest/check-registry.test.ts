import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import test from 'node:test';
import { openRegistry } from '../../records/registry/open-registry';
import { newStoreKey, writeStoreKey } from '../../records/registry/store-key';
import { checkRegistry, checkSharedRegistry } from './check-registry';

test('registry: the self-test records itself and verifies the chain; a tampered entry fails', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-st-reg-'));
  const registry = openRegistry(dir);
  const r = checkRegistry(registry, { checks: 1 });
  assert.deepEqual(
    r.map((x) => [x.code, x.status]),
    [
      ['registry_writable', 'pass'],
      ['registry_verified', 'pass'],
    ],
  );
  registry.close();
  // Alter an entry behind the registry's back.
  const { DatabaseSync } = require('node:sqlite') as typeof import('node:sqlite'); // eslint-disable-line @typescript-eslint/no-require-imports
  const file = 'registry.db';
  const db = new DatabaseSync(path.join(dir, file));
  db.exec(
    `DROP TRIGGER registry_no_update; UPDATE registry SET data = '{"checks":99}' WHERE type = 'selftest.run'`,
  );
  db.close();
  const again = openRegistry(dir);
  const broken = checkRegistry(again, { checks: 2 }).find((x) => x.subject === 'chain')!;
  again.close();
  assert.deepEqual([broken.status, broken.code], ['fail', 'registry_broken']);
});

test('with --store and the CIC’s database unreachable, the self-test fails the store and says how many entries wait', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-selftest-store-'));
  writeStoreKey(dir, newStoreKey());
  const registry = openRegistry(dir, undefined, { url: 'postgres://vigie@127.0.0.1:1/vigie', post: 'A' });
  checkRegistry(registry, { checks: 1 });
  const [store, ...more] = await checkSharedRegistry(registry);
  assert.deepEqual(more, []);
  assert.deepEqual(
    [store!.subject, store!.status, store!.code],
    ['store', 'fail', 'registry_store_unreachable'],
  );
  // The post's registry.init and the self-test's own entry wait; the reason is the driver's code.
  assert.equal(store!.params?.queued, 2);
  assert.match(String(store!.params?.reason), /^[A-Z0-9_]+$/);
  await registry.shared!.close();
  registry.close();
  const single = openRegistry(dir);
  assert.deepEqual(await checkSharedRegistry(single), [], 'no store, no check');
  single.close();
  fs.rmSync(dir, { recursive: true, force: true });
});
