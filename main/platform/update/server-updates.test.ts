import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import test from 'node:test';
import { openRegistry } from '../../records/registry/open-registry';
import { readUpdateConfig, startServerUpdates, type UpdaterLike } from './server-updates';

/** Stands in for electron-updater's autoUpdater, which cannot load without Electron. */
class FakeUpdater extends EventEmitter implements UpdaterLike {
  autoDownload = false;
  autoInstallOnAppQuit = false;
  feed: unknown = null;
  checks = 0;
  setFeedURL(o: { provider: 'generic'; url: string }): void {
    this.feed = o;
  }
  async checkForUpdates(): Promise<unknown> {
    this.checks++;
    return null;
  }
}

const tmp = (): string => fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-upd-srv-'));

test('updates from a server are off unless update.json enables them with an http(s) URL', () => {
  const dir = tmp();
  assert.deepEqual(readUpdateConfig(dir), { enabled: false });
  fs.writeFileSync(path.join(dir, 'update.json'), '{"enabled": false, "url": "https://maj.cic.local/vigie"}');
  assert.deepEqual(readUpdateConfig(dir), { enabled: false });
  fs.writeFileSync(path.join(dir, 'update.json'), '{"enabled": true, "url": "file:///etc"}');
  assert.deepEqual(readUpdateConfig(dir), { enabled: false }, 'a file: URL is refused');
  fs.writeFileSync(path.join(dir, 'update.json'), '{"enabled": true');
  assert.deepEqual(readUpdateConfig(dir), { enabled: false }, 'malformed: off');
  fs.writeFileSync(path.join(dir, 'update.json'), '{"enabled": true, "url": "https://maj.cic.local/vigie"}');
  assert.deepEqual(readUpdateConfig(dir), { enabled: true, url: 'https://maj.cic.local/vigie' });
});

test('an enabled post checks the generic feed; each download and each refusal is recorded', () => {
  const dir = tmp();
  const registry = openRegistry(dir);
  const off = new FakeUpdater();
  startServerUpdates(off, { enabled: false }, registry)();
  assert.equal(off.checks, 0);
  assert.equal(off.feed, null);

  const u = new FakeUpdater();
  const stop = startServerUpdates(u, { enabled: true, url: 'https://maj.cic.local/vigie' }, registry);
  assert.deepEqual(u.feed, { provider: 'generic', url: 'https://maj.cic.local/vigie' });
  assert.equal(u.checks, 1);
  assert.equal(u.autoInstallOnAppQuit, true);
  u.emit('update-downloaded', { version: '0.3.0' });
  u.emit(
    'error',
    new Error('New version 0.4.0 is not signed by the application owner: publisherNames: CN=X'),
  );
  stop();
  const rows = registry.query().filter((r) => r.type.startsWith('update.'));
  assert.deepEqual(
    rows.map((r) => [r.type, JSON.parse(r.data) as Record<string, string>]),
    [
      ['update.accept', { version: '0.3.0', from: 'server' }],
      ['update.refuse', { reason: 'wrong_signer', from: 'server' }],
    ],
  );
  registry.close();
});
