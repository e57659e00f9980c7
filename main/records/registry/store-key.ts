/**
 * The CIC's shared registry key: one MAC key and one Ed25519 pair for every post of the CIC, in the
 * post's data directory (`store.key`, mode 0600), never in the database. The database holds only a
 * check value (an HMAC of the CIC's id), so a post can tell the right key from another without the
 * database ever learning it. The first post makes it (`vigie store join` on an empty database);
 * every other post receives a copy of that file from a technician (`vigie store join --key-file`),
 * on removable media, and the join checks it against the database before keeping it.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { RegistryKeys } from './registry-key';

export const STORE_KEY_FILE = 'store.key';

export type StoreKeys = RegistryKeys & { cic: string };

/** Why a post cannot use the shared registry; each with its sentence for the technician. */
export type StoreProblem =
  | 'store_not_joined'
  | 'store_key_unreadable'
  | 'store_key_required'
  | 'store_key_foreign'
  | 'store_other_cic'
  | 'store_registry_absent'
  | 'store_registry_broken'
  | 'store_unreachable';

export const STORE_MESSAGES: Record<StoreProblem, string> = {
  store_not_joined:
    'ce poste n’a pas rejoint le registre commun du CIC : lancez d’abord « vigie store join --store … »',
  store_key_unreadable: 'la clé du registre commun est illisible',
  store_key_required:
    'la base tient déjà le registre d’un CIC : donnez la clé d’un poste de ce CIC (--key-file, fichier store.key copié sur support amovible)',
  store_key_foreign: 'cette clé n’est pas celle du registre que tient la base',
  store_other_cic: 'ce poste appartient déjà au registre d’un autre CIC',
  store_registry_absent:
    'la base ne tient aucun registre alors que ce poste a une clé : elle a été vidée ou ce n’est pas la bonne base',
  store_registry_broken: 'la base tient des entrées de registre sans son en-tête : elle a été altérée',
  store_unreachable: 'base PostgreSQL injoignable',
};

export class StoreError extends Error {
  constructor(readonly code: StoreProblem) {
    super(STORE_MESSAGES[code]);
    this.name = 'StoreError';
  }
}

const fileSchema = z.strictObject({
  format: z.literal('vigie-store-key/1'),
  cic: z.string().uuid(),
  key: z.strictObject({ mac: z.string().min(40), ed25519: z.string().min(40) }),
});
export type StoreKeyFile = z.infer<typeof fileSchema>;

/** A key file's content, checked; StoreError when it is not one. */
export function parseStoreKey(text: string): StoreKeyFile {
  try {
    return fileSchema.parse(JSON.parse(text));
  } catch {
    throw new StoreError('store_key_unreadable');
  }
}

export function newStoreKey(): StoreKeyFile {
  const { privateKey } = crypto.generateKeyPairSync('ed25519');
  return {
    format: 'vigie-store-key/1',
    cic: crypto.randomUUID(),
    key: {
      mac: crypto.randomBytes(32).toString('base64'),
      ed25519: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    },
  };
}

export function storeKeys(f: StoreKeyFile): StoreKeys {
  let signingKey: crypto.KeyObject;
  try {
    signingKey = crypto.createPrivateKey(f.key.ed25519);
  } catch {
    throw new StoreError('store_key_unreadable');
  }
  return {
    cic: f.cic,
    macKey: Buffer.from(f.key.mac, 'base64'),
    signingKey,
    publicKeyPem: crypto.createPublicKey(signingKey).export({ type: 'spki', format: 'pem' }).toString(),
    created: false,
  };
}

/** What the database keeps to recognise the key: it proves nothing to whoever lacks the key. */
export function keyCheck(keys: Pick<StoreKeys, 'cic' | 'macKey'>): string {
  return crypto.createHmac('sha256', keys.macKey).update(`vigie-cic-key-check\n${keys.cic}`).digest('hex');
}

/** This post's copy of the CIC's key, or null when it has not joined. */
export function readStoreKey(dataDir: string): StoreKeyFile | null {
  const file = path.join(dataDir, STORE_KEY_FILE);
  if (!fs.existsSync(file)) return null;
  return parseStoreKey(fs.readFileSync(file, 'utf8'));
}

export function loadStoreKeys(dataDir: string): StoreKeys {
  const f = readStoreKey(dataDir);
  if (!f) throw new StoreError('store_not_joined');
  return storeKeys(f);
}

/** Writes the post's copy; never over an existing one. */
export function writeStoreKey(dataDir: string, f: StoreKeyFile): void {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  fs.writeFileSync(path.join(dataDir, STORE_KEY_FILE), JSON.stringify(f), { mode: 0o600, flag: 'wx' });
}
