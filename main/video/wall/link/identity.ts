/**
 * The post's identity on the wall link: one key and one self-signed certificate per post, made on
 * first use by `selfsigned` (files 0600 in the data dir). Peers pin each other by the certificate's
 * SHA-256 fingerprint, in the manner of Syncthing device IDs: no CA, no name check.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import selfsigned from 'selfsigned';

export const KEY_FILE = 'wall-link.key';
export const CERT_FILE = 'wall-link.crt';

export interface LinkIdentity {
  key: string;
  cert: string;
  /** `AB:CD:…`, 32 upper-case hex pairs. */
  fingerprint: string;
  created: boolean;
}

/** `AB:CD:…` from any spelling (colons, spaces or none, any case); null if not a SHA-256. */
export function normalizeFingerprint(input: string): string | null {
  const hex = input.replace(/[\s:]/g, '').toUpperCase();
  if (!/^[0-9A-F]{64}$/.test(hex)) return null;
  return hex.match(/../g)!.join(':');
}

export function fingerprintOf(certPem: string): string {
  return new crypto.X509Certificate(certPem).fingerprint256;
}

export async function loadOrCreateIdentity(dataDir: string): Promise<LinkIdentity> {
  const keyPath = path.join(dataDir, KEY_FILE);
  const certPath = path.join(dataDir, CERT_FILE);
  if (fs.existsSync(keyPath) && fs.existsSync(certPath)) {
    const key = fs.readFileSync(keyPath, 'utf8');
    const cert = fs.readFileSync(certPath, 'utf8');
    return { key, cert, fingerprint: fingerprintOf(cert), created: false };
  }
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const now = new Date();
  const pems = await selfsigned.generate([{ name: 'commonName', value: 'vigie-wall-link' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate: new Date(now.getTime() - 24 * 3600_000),
    notAfterDate: new Date(now.getTime() + 20 * 365 * 24 * 3600_000),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyAgreement: true },
      { name: 'extKeyUsage', serverAuth: true, clientAuth: true },
    ],
  });
  // Key first, exclusive: two processes starting together never write half a pair each.
  fs.writeFileSync(keyPath, pems.private, { mode: 0o600, flag: 'wx' });
  fs.writeFileSync(certPath, pems.cert, { mode: 0o600, flag: 'wx' });
  return { key: pems.private, cert: pems.cert, fingerprint: fingerprintOf(pems.cert), created: true };
}
