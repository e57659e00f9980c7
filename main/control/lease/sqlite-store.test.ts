import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EMBEDDED_FILE, SqliteLeaseStore } from './sqlite-store';
import { holder, request, storeContract } from '../../../test-support/control/lease-store-contract';

const dirs: string[] = [];
const tmp = (): string => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-lease-'));
  dirs.push(d);
  return d;
};
after(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

storeContract('embedded', async () => new SqliteLeaseStore(tmp()));

test('embedded: the lease survives a restart of the post (it lives in the data directory)', async () => {
  const dir = tmp();
  const s = new SqliteLeaseStore(dir);
  const now = Date.now();
  const a = await s.acquire(request(7, holder('alice'), now));
  assert.ok(a.ok);
  await s.close();
  assert.ok(fs.existsSync(path.join(dir, EMBEDDED_FILE)));
  const again = new SqliteLeaseStore(dir);
  assert.deepEqual(await again.current(7, now), a.lease);
  await again.close();
});
