import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Registry } from './registry';
import { loadOrCreateKeys, RegistryKeyError, type KeyProtector } from './registry-key';

/** Stands in for Electron's safeStorage: reversible, and never the plain bytes. */
const keystore: KeyProtector = {
  encrypt: (b) => Buffer.concat([Buffer.from('KS1:'), Buffer.from(b.map((x) => x ^ 0x5a))]),
  decrypt: (b) => {
    if (!b.subarray(0, 4).equals(Buffer.from('KS1:'))) throw new Error('not ours');
    return Buffer.from(b.subarray(4).map((x) => x ^ 0x5a));
  },
};

const tmp = (): string => fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-key-'));

/** Opens the registry as a start-up would, and writes one entry. */
function start(dir: string, protector?: KeyProtector): Registry {
  const reg = new Registry(dir, loadOrCreateKeys(dir, protector));
  reg.append({ type: 'app.start' });
  return reg;
}

function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof RegistryKeyError, String(e));
    return e.code;
  }
  return 'started';
}

test('the key file has one name, whether or not a keystore wraps it', () => {
  for (const protector of [keystore, undefined]) {
    const dir = tmp();
    start(dir, protector).close();
    assert.deepEqual(
      fs.readdirSync(dir).filter((f) => f.startsWith('registry.key')),
      ['registry.key'],
    );
    assert.equal(fs.statSync(path.join(dir, 'registry.key')).mode & 0o777, 0o600);
    const again = new Registry(dir, loadOrCreateKeys(dir, protector));
    assert.equal(again.verify().ok, true, 'the same key reads the same chain back');
  }
});

test('a wrapped key never shows its MAC key in clear', () => {
  const dir = tmp();
  const keys = loadOrCreateKeys(dir, keystore);
  const file = fs.readFileSync(path.join(dir, 'registry.key'));
  assert.equal(file.includes(Buffer.from(keys.macKey.toString('base64'))), false);
  assert.match(file.toString(), /"protection":"keystore"/);
});

test('a keystore that disappears stops start-up instead of making a new key', () => {
  const dir = tmp();
  start(dir, keystore).close();
  const before = fs.readFileSync(path.join(dir, 'registry.key'));
  assert.equal(
    refusal(() => loadOrCreateKeys(dir)),
    'keystore-unavailable',
  );
  assert.deepEqual(fs.readFileSync(path.join(dir, 'registry.key')), before, 'the key file is untouched');
  assert.throws(() => loadOrCreateKeys(dir), /trousseau du système, qui n’est pas disponible/);
});

test('a plain key where the keystore is in use stops start-up', () => {
  const dir = tmp();
  start(dir).close();
  assert.equal(
    refusal(() => loadOrCreateKeys(dir, keystore)),
    'keystore-not-used',
  );
});

test('a missing key while entries exist stops start-up; an unopened registry gets one', () => {
  const dir = tmp();
  start(dir).close();
  fs.rmSync(path.join(dir, 'registry.key'));
  assert.equal(
    refusal(() => loadOrCreateKeys(dir)),
    'key-missing',
  );
  assert.equal(
    refusal(() => loadOrCreateKeys(dir, keystore)),
    'key-missing',
  );
  assert.equal(fs.existsSync(path.join(dir, 'registry.key')), false, 'no new key was written');
  assert.equal(
    refusal(() => loadOrCreateKeys(tmp())),
    'started',
  );
});

test('an earlier version’s key files still load; two of them at once is refused', () => {
  const plainDir = tmp();
  const legacy = { mac: Buffer.alloc(32, 7).toString('base64'), ed25519: '' };
  const seed = loadOrCreateKeys(tmp());
  legacy.ed25519 = seed.signingKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  fs.writeFileSync(path.join(plainDir, 'registry.key'), JSON.stringify(legacy), { mode: 0o600 });
  assert.deepEqual(loadOrCreateKeys(plainDir).macKey, Buffer.alloc(32, 7));

  const wrappedDir = tmp();
  fs.writeFileSync(
    path.join(wrappedDir, 'registry.key.enc'),
    keystore.encrypt(Buffer.from(JSON.stringify(legacy))),
  );
  assert.deepEqual(loadOrCreateKeys(wrappedDir, keystore).macKey, Buffer.alloc(32, 7));
  assert.equal(
    refusal(() => loadOrCreateKeys(wrappedDir)),
    'keystore-unavailable',
  );
  fs.writeFileSync(path.join(wrappedDir, 'registry.key'), JSON.stringify(legacy));
  assert.equal(
    refusal(() => loadOrCreateKeys(wrappedDir, keystore)),
    'key-duplicated',
  );
});

test('a garbled key file is refused, never replaced', () => {
  const dir = tmp();
  fs.writeFileSync(path.join(dir, 'registry.key'), '{"format":"vigie-registry-key/1","protection":"none"}');
  assert.equal(
    refusal(() => loadOrCreateKeys(dir)),
    'key-unreadable',
  );
  const badPem = { mac: Buffer.alloc(32).toString('base64'), ed25519: '-'.repeat(60) };
  fs.writeFileSync(path.join(dir, 'registry.key'), JSON.stringify(badPem));
  assert.equal(
    refusal(() => loadOrCreateKeys(dir)),
    'key-unreadable',
  );
  fs.writeFileSync(path.join(dir, 'registry.key'), 'garbage');
  assert.equal(
    refusal(() => loadOrCreateKeys(dir)),
    'key-unreadable',
  );
});
