import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EMBEDDED_FILE, openLeaseStore, PgLeaseStore } from './index';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-lease-open-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

test('openLeaseStore: embedded is SQLite in the data directory; a postgres URL opens lazily; anything else is refused', async () => {
  const e = await openLeaseStore('embedded', dir);
  assert.ok(e.ok);
  assert.ok(fs.existsSync(path.join(dir, EMBEDDED_FILE)));
  await e.value.close();
  const p = await openLeaseStore('postgres://vigie@127.0.0.1:1/postgres', dir);
  assert.ok(p.ok && p.value instanceof PgLeaseStore, 'a server down at start-up is not a failure to open');
  await p.value.close();
  const sock = await openLeaseStore('postgresql:///vigie?host=/run/postgresql', dir);
  assert.ok(sock.ok);
  await sock.value.close();
  for (const bad of ['mysql://h/db', 'postgres://', 'rien', ''])
    assert.deepEqual(
      await openLeaseStore(bad, dir),
      { ok: false, error: { code: 'lease_store_invalid' } },
      bad,
    );
});
