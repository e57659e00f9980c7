/**
 * The post's side of the CIC's registry, with no database to reach (a closed port on loopback): appends
 * never wait on it, the link reads `outage` with the entries waiting, and a post that has not joined
 * does not open. A post with no store has no outbox at all.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { test } from 'node:test';
import { openRegistry } from './open-registry';
import { newStoreKey, writeStoreKey } from './store-key';

const tmp = (): string => fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-pump-'));

/** A loopback port nobody listens on. */
async function closedPort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address() as net.AddressInfo;
  await new Promise((r) => s.close(r));
  return port;
}

test('with the database unreachable, appends return at once and wait in the outbox; the link says outage and how many', async () => {
  const dir = tmp();
  writeStoreKey(dir, newStoreKey());
  const url = `postgres://vigie:secret@127.0.0.1:${await closedPort()}/vigie`;
  const r = openRegistry(dir, undefined, { url, post: 'poste-A' });
  const states: string[] = [];
  r.shared!.onChange((v) => states.push(v.state));
  for (let i = 0; i < 5; i++) r.append({ type: 'view.start', cameraId: i, data: { viewId: `v${i}` } });
  assert.equal(await r.shared!.flush(), false, 'nothing could be delivered');
  const v = r.shared!.view();
  assert.equal(v.state, 'outage');
  assert.equal(v.state === 'outage' && v.reason, 'ECONNREFUSED');
  assert.equal(v.queued, 6, 'the post’s registry.init and its 5 entries');
  assert.deepEqual(states, ['outage']);
  assert.equal(r.verify().ok, true, 'the post’s own chain is whole');
  await r.shared!.close();
  r.close();
  assert.equal(r.shared!.view().state, 'closed');
  fs.rmSync(dir, { recursive: true, force: true });
});

test('a post given a store it has not joined does not open, and makes nothing in its data directory', () => {
  const dir = tmp();
  assert.throws(() => openRegistry(dir, undefined, { url: 'postgres://vigie@127.0.0.1:1/x', post: 'A' }), {
    code: 'store_not_joined',
  });
  assert.deepEqual(fs.readdirSync(dir), []);
  fs.rmSync(dir, { recursive: true, force: true });
});

test('a single post, with no store, has no outbox', () => {
  const dir = tmp();
  const r = openRegistry(dir);
  r.append({ type: 'auth.login' });
  assert.equal(r.shared, undefined);
  r.close();
  const db = new DatabaseSync(path.join(dir, 'registry.db'), { readOnly: true });
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as {
    name: string;
  }[];
  db.close();
  assert.deepEqual(
    tables.map((t) => t.name).filter((n) => n.includes('outbox') || n.includes('store')),
    [],
  );
  fs.rmSync(dir, { recursive: true, force: true });
});
