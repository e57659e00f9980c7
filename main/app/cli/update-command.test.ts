import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import test from 'node:test';
import { openRegistry } from '../../records/registry/open-registry';
import { haveTools, makePki, OTHER, PUBLISHER, writeManifest } from '../../../test-support/platform/signing';

const tools = haveTools();
const CLI = path.resolve(__dirname, 'cli.ts');

function run(args: string[]): { status: number | null; out: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', CLI, ...args], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: r.status, out: r.stdout + r.stderr };
}

test(
  'the technician’s update check accepts the right signer, refuses another, and the registry holds both verdicts',
  { skip: !tools && 'osslsigncode or openssl missing' },
  () => {
    const pki = makePki();
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-upd-data-'));
    const good = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-upd-good-'));
    const bad = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-upd-bad-'));
    pki.sign(PUBLISHER, path.join(good, 'Vigie-Setup-9.0.0-x64.exe'));
    writeManifest(good, 'Vigie-Setup-9.0.0-x64.exe', '9.0.0');
    pki.sign(OTHER, path.join(bad, 'Vigie-Setup-9.0.0-x64.exe'));
    writeManifest(bad, 'Vigie-Setup-9.0.0-x64.exe', '9.0.0');
    const common = ['--publisher', PUBLISHER, '--ca', pki.caFile, '--data-dir', dataDir];

    const ok = run(['update', 'verify', '--media', good, ...common]);
    assert.equal(ok.status, 0, ok.out);
    assert.match(ok.out, /mise à jour 9\.0\.0 acceptée/);
    const refused = run(['update', 'verify', '--media', bad, ...common]);
    assert.equal(refused.status, 1, refused.out);
    assert.match(refused.out, /refusée : l’installeur est signé par un autre éditeur/);

    const registry = openRegistry(dataDir);
    try {
      const rows = registry.query().filter((r) => r.type.startsWith('update.'));
      assert.deepEqual(
        rows.map((r) => [r.type, (JSON.parse(r.data) as { reason?: string }).reason ?? null]),
        [
          ['update.accept', null],
          ['update.refuse', 'wrong_signer'],
        ],
      );
      assert.equal(registry.verify().ok, true, 'the verdicts are chained like every entry');
    } finally {
      registry.close();
    }
  },
);

test(
  'a CA file that is missing, a folder, a pipe or holds no certificate is said so; nothing is recorded about the installer',
  { skip: !tools && 'osslsigncode or openssl missing' },
  () => {
    const pki = makePki();
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-upd-data-'));
    const media = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-upd-ca-'));
    pki.sign(PUBLISHER, path.join(media, 'Vigie-Setup-9.0.0-x64.exe'));
    writeManifest(media, 'Vigie-Setup-9.0.0-x64.exe', '9.0.0');
    const notPem = path.join(media, 'latest.yml');
    const fifo = path.join(media, 'ca.fifo');
    execFileSync('mkfifo', [fifo]);
    for (const ca of [path.join(media, 'absent.pem'), media, notPem, fifo]) {
      const r = run([
        'update',
        'verify',
        '--media',
        media,
        '--publisher',
        PUBLISHER,
        '--ca',
        ca,
        '--data-dir',
        dataDir,
      ]);
      assert.notEqual(r.status, 0, r.out);
      assert.notEqual(r.status, 1, 'not a verdict on the installer');
      assert.match(r.out, /fichier de l’autorité de certification \(--ca\) illisible/, r.out);
      assert.ok(r.out.includes(ca), r.out);
      assert.doesNotMatch(
        r.out,
        /n’est pas signé|signature Authenticode est invalide|refusée|acceptée/,
        r.out,
      );
    }
    const registry = openRegistry(dataDir);
    try {
      assert.deepEqual(
        registry.query().filter((e) => e.type.startsWith('update.')),
        [],
        'no verdict on the installer is recorded',
      );
    } finally {
      registry.close();
    }
    // With the right CA, the same installer is accepted.
    const ok = run([
      'update',
      'verify',
      '--media',
      media,
      '--publisher',
      PUBLISHER,
      '--ca',
      pki.caFile,
      '--data-dir',
      dataDir,
    ]);
    assert.equal(ok.status, 0, ok.out);
  },
);
