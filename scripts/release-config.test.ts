import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import test from 'node:test';
import { loadBaseConfig, releaseConfig, validateBuilderConfig } from './release-config';

const SIGNED = {
  VIGIE_TIMESTAMP_URL: 'http://horodatage.cic.invalid/tsa',
  VIGIE_PUBLISHER_DN: 'CN=Ville de Exemple, O=Ville de Exemple, L=Exemple, C=FR',
  WIN_CSC_LINK: 'C:\\certs\\vigie.pfx',
};

test('electron-builder.yml is valid against electron-builder’s own schema, alone and with the release overlay', async () => {
  const base = loadBaseConfig();
  await validateBuilderConfig(base);
  await validateBuilderConfig(releaseConfig(base, SIGNED, 'win'));
});

test('the Windows build is a per-machine NSIS x64 installer, SHA-256 signed, verifying its updates', () => {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const cfg = releaseConfig(loadBaseConfig(), SIGNED, 'win') as any;
  assert.deepEqual(cfg.win.target, [{ target: 'nsis', arch: ['x64'] }]);
  assert.equal(cfg.nsis.perMachine, true);
  assert.equal(cfg.nsis.deleteAppDataOnUninstall, false);
  assert.match(cfg.nsis.artifactName, /\$\{version\}/, 'the version is in the artifact’s name');
  assert.equal(cfg.productName, 'Vigie');
  assert.equal(cfg.win.verifyUpdateCodeSignature, true);
  assert.deepEqual(cfg.win.signtoolOptions.signingHashAlgorithms, ['sha256']);
  assert.equal(cfg.win.signtoolOptions.rfc3161TimeStampServer, SIGNED.VIGIE_TIMESTAMP_URL);
  assert.equal(cfg.win.signtoolOptions.publisherName, SIGNED.VIGIE_PUBLISHER_DN);
  assert.equal(cfg.npmRebuild, false, 'serialport and node-hid are N-API');
  for (const m of ['node_modules/serialport/**', 'node_modules/node-hid/**'])
    assert.ok((cfg.asarUnpack as string[]).includes(m), `${m} unpacked from the asar`);
  assert.ok(
    (cfg.win.extraResources as { from: string }[]).some((r) =>
      r.from.includes('@ffmpeg-installer/win32-x64'),
    ),
    'ffmpeg for Windows is bundled',
  );
  assert.ok(fs.existsSync(path.resolve(__dirname, '..', cfg.nsis.include)), 'the NSIS include exists');
});

test('a hardware token is named by its subject; nothing secret is ever in the committed file', () => {
  const cfg = releaseConfig(
    loadBaseConfig(),
    { ...SIGNED, WIN_CSC_LINK: undefined, VIGIE_CERT_SUBJECT: 'Ville de Exemple' },
    'win',
  );
  assert.equal(cfg.win?.signtoolOptions?.certificateSubjectName, 'Ville de Exemple');
  const yml = fs.readFileSync(path.resolve(__dirname, '..', 'electron-builder.yml'), 'utf8');
  assert.doesNotMatch(yml, /certificatePassword|cscKeyPassword|\.pfx/i);
});

test('a signed build refuses to start without a timestamp server, a full publisher DN or a certificate', () => {
  const base = loadBaseConfig();
  assert.throws(() => releaseConfig(base, { ...SIGNED, VIGIE_TIMESTAMP_URL: undefined }, 'win'), /TIMESTAMP/);
  assert.throws(
    () => releaseConfig(base, { ...SIGNED, VIGIE_PUBLISHER_DN: 'Ville de Exemple' }, 'win'),
    /DN/,
  );
  assert.throws(() => releaseConfig(base, { ...SIGNED, WIN_CSC_LINK: undefined }, 'win'), /WIN_CSC_LINK/);
  assert.throws(
    () => releaseConfig(base, { ...SIGNED, VIGIE_TIMESTAMP_URL: 'file:///x' }, 'win'),
    /RFC 3161/,
  );
  // The Linux lab build needs none of it.
  assert.doesNotThrow(() => releaseConfig(base, {}, 'linux'));
});

test('a misspelt option is caught by the schema, with electron-builder’s message', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-eb-'));
  const file = path.join(dir, 'electron-builder.yml');
  fs.writeFileSync(file, 'appId: x\nnsis:\n  perMachin: true\n');
  await assert.rejects(validateBuilderConfig(loadBaseConfig(file)), /configuration\.nsis/);
});
