/**
 * The registry's chain key stays on the post and never in the database: a key file with strict
 * permissions (browser host), wrapped by Electron safeStorage where available.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export interface KeyProtector {
  encrypt(plain: Buffer): Buffer;
  decrypt(wrapped: Buffer): Buffer;
}

export interface RegistryKeys {
  macKey: Buffer;
  /** Ed25519 key pair: checkpoints are signed so the committee can check them with the public key. */
  signingKey: crypto.KeyObject;
  publicKeyPem: string;
}

export function loadOrCreateKeys(dataDir: string, protector?: KeyProtector): RegistryKeys {
  const file = path.join(dataDir, protector ? 'registry.key.enc' : 'registry.key');
  let material: { mac: string; ed25519: string };
  if (fs.existsSync(file)) {
    const raw = fs.readFileSync(file);
    material = JSON.parse((protector ? protector.decrypt(raw) : raw).toString('utf8')) as typeof material;
  } else {
    const { privateKey } = crypto.generateKeyPairSync('ed25519');
    material = {
      mac: crypto.randomBytes(32).toString('base64'),
      ed25519: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    };
    const plain = Buffer.from(JSON.stringify(material));
    fs.writeFileSync(file, protector ? protector.encrypt(plain) : plain, { mode: 0o600, flag: 'wx' });
  }
  const signingKey = crypto.createPrivateKey(material.ed25519);
  return {
    macKey: Buffer.from(material.mac, 'base64'),
    signingKey,
    publicKeyPem: crypto.createPublicKey(signingKey).export({ type: 'spki', format: 'pem' }).toString(),
  };
}
