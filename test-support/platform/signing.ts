/**
 * A throwaway code-signing PKI and a real PE file for the update verifier's tests: a test CA, two
 * code-signing certificates (the expected publisher and another), made by openssl; executables
 * signed by Debian's osslsigncode. The PE file is a Windows executable shipped in electron-winstaller.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const PUBLISHER = 'CN=Ville de Exemple, O=Ville de Exemple, C=FR';
export const OTHER = 'CN=Editeur Tiers, O=Editeur Tiers, C=FR';

const UNSIGNED_PE = path.resolve(
  __dirname,
  '..',
  '..',
  'node_modules',
  'electron-winstaller',
  'vendor',
  'StubExecutable.exe',
);

export const haveTools = (): boolean => {
  try {
    execFileSync('osslsigncode', ['--version'], { stdio: 'ignore' });
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return fs.existsSync(UNSIGNED_PE);
  } catch {
    return false;
  }
};

const subj = (dn: string): string =>
  '/' +
  dn
    .split(/,\s*/)
    .map((p) => p.trim())
    .join('/');

export interface Pki {
  dir: string;
  caFile: string;
  /** Signs a copy of the PE file as `dn` (one of PUBLISHER, OTHER) into `out`. */
  sign(dn: string, out: string): void;
  unsigned(out: string): void;
}

export function makePki(): Pki {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-pki-'));
  const ssl = (...args: string[]): void => void execFileSync('openssl', args, { cwd: dir, stdio: 'ignore' });
  ssl(
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    'ca.key',
    '-out',
    'ca.pem',
    '-days',
    '2',
    '-subj',
    '/CN=CIC Test CA',
  );
  fs.writeFileSync(path.join(dir, 'ext'), 'extendedKeyUsage=codeSigning\nkeyUsage=digitalSignature\n');
  const certs = new Map<string, string>();
  for (const [i, dn] of [PUBLISHER, OTHER].entries()) {
    ssl(
      'req',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      `s${i}.key`,
      '-out',
      `s${i}.csr`,
      '-subj',
      subj(dn),
    );
    ssl(
      'x509',
      '-req',
      '-in',
      `s${i}.csr`,
      '-CA',
      'ca.pem',
      '-CAkey',
      'ca.key',
      '-CAcreateserial',
      '-out',
      `s${i}.pem`,
      '-days',
      '2',
      '-extfile',
      'ext',
    );
    certs.set(dn, `s${i}`);
  }
  return {
    dir,
    caFile: path.join(dir, 'ca.pem'),
    sign(dn, out) {
      const c = certs.get(dn)!;
      const tmp = `${out}.unsigned`;
      fs.copyFileSync(UNSIGNED_PE, tmp);
      execFileSync(
        'osslsigncode',
        [
          'sign',
          '-certs',
          path.join(dir, `${c}.pem`),
          '-key',
          path.join(dir, `${c}.key`),
          '-h',
          'sha256',
          '-n',
          'Vigie',
          '-in',
          tmp,
          '-out',
          out,
        ],
        { stdio: 'ignore' },
      );
      fs.rmSync(tmp);
    },
    unsigned(out) {
      fs.copyFileSync(UNSIGNED_PE, out);
    },
  };
}

/** The latest.yml electron-builder writes next to an installer. */
export function writeManifest(dir: string, file: string, version: string): void {
  const bytes = fs.readFileSync(path.join(dir, file));
  const sha = createHash('sha512').update(bytes).digest('base64');
  fs.writeFileSync(
    path.join(dir, 'latest.yml'),
    `version: ${version}\nfiles:\n  - url: ${file}\n    sha512: ${sha}\n    size: ${bytes.length}\npath: ${file}\nsha512: ${sha}\nreleaseDate: '2026-11-29T10:00:00.000Z'\n`,
  );
}
