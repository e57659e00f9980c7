import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import test from 'node:test';
import { normaliseDn, osslsigncodeInspector } from './authenticode';
import { haveTools, makePki, OTHER, PUBLISHER, writeManifest } from '../../../test-support/platform/signing';
import { newer, verifyUpdate } from './verify-update';

const tools = haveTools();
const pki = tools ? makePki() : null;
const media = (): string => fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-media-'));
const FILE = 'Vigie-Setup-0.2.0-x64.exe';
const verify = (dir: string, current = '0.1.0') =>
  verifyUpdate({
    dir,
    currentVersion: current,
    expectedPublisher: PUBLISHER,
    inspector: osslsigncodeInspector({ caFile: pki!.caFile }),
  });

test('distinguished names compare whatever the tool’s notation', () => {
  assert.equal(normaliseDn('/CN=Ville de Exemple/O=Ville de Exemple/C=FR'), normaliseDn(PUBLISHER));
  assert.notEqual(normaliseDn('/CN=Ville de Exemple/O=Autre/C=FR'), normaliseDn(PUBLISHER));
  assert.equal(newer('0.10.0', '0.9.9'), true);
  assert.equal(newer('0.1.0', '0.1.0'), false);
  assert.equal(newer('1.0.0-beta', '0.1.0'), false);
});

test(
  'an installer signed by the expected publisher, matching latest.yml, is accepted',
  { skip: !tools && 'osslsigncode or openssl missing' },
  async () => {
    const dir = media();
    pki!.sign(PUBLISHER, path.join(dir, FILE));
    writeManifest(dir, FILE, '0.2.0');
    const v = await verify(dir);
    assert.equal(v.ok, true, JSON.stringify(v));
    assert.ok(v.ok && normaliseDn(v.signer) === normaliseDn(PUBLISHER));
  },
);

test(
  'the wrong signer is refused, even with a valid chain and a matching hash',
  { skip: !tools && 'osslsigncode or openssl missing' },
  async () => {
    const dir = media();
    pki!.sign(OTHER, path.join(dir, FILE));
    writeManifest(dir, FILE, '0.2.0');
    const v = await verify(dir);
    assert.deepEqual(v.ok ? null : [v.reason, v.signer && normaliseDn(v.signer)], [
      'wrong_signer',
      normaliseDn(OTHER),
    ]);
  },
);

test(
  'a file tampered with after signing is refused: by its hash, or by its signature if latest.yml was rewritten',
  { skip: !tools && 'osslsigncode or openssl missing' },
  async () => {
    const dir = media();
    const file = path.join(dir, FILE);
    pki!.sign(PUBLISHER, file);
    writeManifest(dir, FILE, '0.2.0');
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.from('VIGIE'), 0, 5, 4096); // inside the code section, covered by the signature
    fs.closeSync(fd);
    const byHash = await verify(dir);
    assert.equal(byHash.ok ? 'accepted' : byHash.reason, 'hash_mismatch');
    writeManifest(dir, FILE, '0.2.0'); // the attacker rewrites latest.yml too
    const bySig = await verify(dir);
    assert.equal(bySig.ok ? 'accepted' : bySig.reason, 'signature_invalid');
  },
);

test(
  'unsigned, older, missing or escaping installers and broken manifests are refused with their reason',
  { skip: !tools && 'osslsigncode or openssl missing' },
  async () => {
    const unsigned = media();
    pki!.unsigned(path.join(unsigned, FILE));
    writeManifest(unsigned, FILE, '0.2.0');
    assert.equal(((await verify(unsigned)) as { reason: string }).reason, 'unsigned');

    const older = media();
    pki!.sign(PUBLISHER, path.join(older, FILE));
    writeManifest(older, FILE, '0.2.0');
    assert.equal(((await verify(older, '0.2.0')) as { reason: string }).reason, 'not_newer');

    const empty = media();
    assert.equal(((await verify(empty)) as { reason: string }).reason, 'manifest_missing');
    fs.writeFileSync(path.join(empty, 'latest.yml'), 'version: [unterminated\n');
    assert.equal(((await verify(empty)) as { reason: string }).reason, 'manifest_invalid');
    fs.writeFileSync(path.join(empty, 'latest.yml'), '!!js/function "x"\n');
    assert.equal(((await verify(empty)) as { reason: string }).reason, 'manifest_invalid');

    const escape = media();
    const sha = 'A'.repeat(86) + '==';
    fs.writeFileSync(
      path.join(escape, 'latest.yml'),
      `version: 0.2.0\nfiles:\n  - url: ../../etc/passwd\n    sha512: ${sha}\npath: ../../etc/passwd\nsha512: ${sha}\n`,
    );
    assert.equal(((await verify(escape)) as { reason: string }).reason, 'manifest_invalid');

    const gone = media();
    fs.writeFileSync(
      path.join(gone, 'latest.yml'),
      `version: 0.2.0\nfiles:\n  - url: ${FILE}\n    sha512: ${sha}\npath: ${FILE}\nsha512: ${sha}\n`,
    );
    assert.equal(((await verify(gone)) as { reason: string }).reason, 'file_missing');
  },
);

const PEM_LOOKALIKE = '-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n';

test('a missing signature tool is a refusal, never an acceptance', async () => {
  const dir = media();
  fs.writeFileSync(path.join(dir, FILE), 'MZ');
  writeManifest(dir, FILE, '0.2.0');
  const caFile = path.join(media(), 'ca.pem');
  fs.writeFileSync(caFile, PEM_LOOKALIKE);
  const v = await verifyUpdate({
    dir,
    currentVersion: '0.1.0',
    expectedPublisher: PUBLISHER,
    inspector: osslsigncodeInspector({ caFile, bin: '/nonexistent/osslsigncode' }),
  });
  assert.equal(v.ok ? 'accepted' : v.reason, 'tool_missing');
});

test(
  'an unreadable CA bundle gives no verdict: never "unsigned" nor "invalid" for a well-signed installer',
  { skip: !tools && 'osslsigncode or openssl missing' },
  async () => {
    const dir = media();
    pki!.sign(PUBLISHER, path.join(dir, FILE));
    writeManifest(dir, FILE, '0.2.0');
    const other = media();
    const lookalike = path.join(other, 'lookalike.pem');
    fs.writeFileSync(lookalike, PEM_LOOKALIKE); // passes a first look; osslsigncode cannot load it
    const empty = path.join(other, 'empty.pem');
    fs.writeFileSync(empty, '');
    for (const caFile of [path.join(other, 'absent.pem'), other, empty, lookalike]) {
      const v = await verifyUpdate({
        dir,
        currentVersion: '0.1.0',
        expectedPublisher: PUBLISHER,
        inspector: osslsigncodeInspector({ caFile }),
      });
      assert.deepEqual(v, { ok: false, reason: 'ca_unreadable' }, caFile);
    }
  },
);

test(
  'removable media holding pipes instead of files is refused at once, never waited on',
  { timeout: 20_000 },
  async () => {
    const inspector = { inspect: () => Promise.reject(new Error('never reached')) };
    const run = (dir: string) =>
      verifyUpdate({ dir, currentVersion: '0.1.0', expectedPublisher: PUBLISHER, inspector });
    const dir = media();
    execFileSync('mkfifo', [path.join(dir, 'latest.yml')]); // the CLI used to wait for a writer forever
    assert.deepEqual(await run(dir), { ok: false, reason: 'manifest_missing' });
    const other = media();
    fs.writeFileSync(path.join(other, FILE), 'MZ');
    writeManifest(other, FILE, '0.2.0');
    fs.rmSync(path.join(other, FILE));
    execFileSync('mkfifo', [path.join(other, FILE)]);
    assert.deepEqual(await run(other), { ok: false, reason: 'file_missing', version: '0.2.0', file: FILE });
  },
);
