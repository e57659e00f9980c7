/**
 * The registry's chain key stays on the post and never in the database: one file, `registry.key`
 * (mode 0600), whatever the keystore does. The file says how it is protected: wrapped by the OS
 * keystore (Electron safeStorage) or plain. A key is created only for a registry that has never
 * held an entry; any other surprise (protection changed, key missing while entries exist) stops
 * start-up with a clear message, because a silently new key would make every old entry read as
 * tampered.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { z } from 'zod';

export interface KeyProtector {
  encrypt(plain: Buffer): Buffer;
  decrypt(wrapped: Buffer): Buffer;
}

export interface RegistryKeys {
  macKey: Buffer;
  /** Ed25519 key pair: checkpoints are signed so the committee can check them with the public key. */
  signingKey: crypto.KeyObject;
  /** The post's own public key: the only one a checkpoint may be signed with. */
  publicKeyPem: string;
  /** True when this call made the key: the registry is brand new and must be initialised. */
  created: boolean;
}

export const KEY_FILE = 'registry.key';
/** Where an earlier version put a keystore-wrapped key. Read, never written. */
const LEGACY_WRAPPED_FILE = 'registry.key.enc';

export type RegistryKeyProblem =
  'keystore-unavailable' | 'keystore-not-used' | 'key-missing' | 'key-duplicated' | 'key-unreadable';

const MESSAGES: Record<RegistryKeyProblem, string> = {
  'keystore-unavailable':
    'la clé du registre est protégée par le trousseau du système, qui n’est pas disponible ; Vigie refuse de démarrer plutôt que de créer une nouvelle clé',
  'keystore-not-used':
    'la clé du registre est en clair alors que ce poste la protège par le trousseau du système ; Vigie refuse de démarrer (fichier remplacé ?)',
  'key-missing':
    'le registre contient des entrées mais sa clé est introuvable ; Vigie refuse de démarrer plutôt que de créer une nouvelle clé',
  'key-duplicated':
    'deux clés du registre coexistent (registry.key et registry.key.enc) ; Vigie refuse de démarrer tant qu’un technicien n’a pas écarté la mauvaise',
  'key-unreadable':
    'la clé du registre est illisible ; Vigie refuse de démarrer plutôt que de créer une nouvelle clé',
};

/** A start-up refusal: the code for programs, a French sentence for the technician. */
export class RegistryKeyError extends Error {
  constructor(
    readonly code: RegistryKeyProblem,
    readonly file: string,
  ) {
    super(`${MESSAGES[code]} (${file}).`);
    this.name = 'RegistryKeyError';
  }
}

const material = z.strictObject({ mac: z.string().min(40), ed25519: z.string().min(40) });
type Material = z.infer<typeof material>;
const envelope = z.discriminatedUnion('protection', [
  z.strictObject({ format: z.literal('vigie-registry-key/1'), protection: z.literal('none'), key: material }),
  z.strictObject({
    format: z.literal('vigie-registry-key/1'),
    protection: z.literal('keystore'),
    wrapped: z.string(),
  }),
]);

/** Has this data directory's registry ever held an entry (or an anchor)? Unreadable counts as yes. */
export function registryHasEntries(dataDir: string): boolean {
  const file = path.join(dataDir, 'registry.db');
  if (!fs.existsSync(file)) return false;
  let db: DatabaseSync | undefined;
  try {
    db = new DatabaseSync(file, { readOnly: true });
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as {
      name: string;
    }[];
    const names = new Set(tables.map((t) => t.name));
    const any = (t: string): boolean =>
      names.has(t) && db!.prepare(`SELECT 1 FROM ${t} LIMIT 1`).get() !== undefined;
    return any('registry') || any('registry_anchor');
  } catch {
    return true;
  } finally {
    db?.close();
  }
}

function unwrap(file: string, wrapped: Buffer, protector: KeyProtector | undefined): Material {
  if (!protector) throw new RegistryKeyError('keystore-unavailable', file);
  try {
    return material.parse(JSON.parse(protector.decrypt(wrapped).toString('utf8')));
  } catch {
    throw new RegistryKeyError('key-unreadable', file);
  }
}

function read(dataDir: string, protector: KeyProtector | undefined): Material | undefined {
  const file = path.join(dataDir, KEY_FILE);
  const legacy = path.join(dataDir, LEGACY_WRAPPED_FILE);
  const hasFile = fs.existsSync(file);
  if (hasFile && fs.existsSync(legacy)) throw new RegistryKeyError('key-duplicated', file);
  if (!hasFile) return fs.existsSync(legacy) ? unwrap(legacy, fs.readFileSync(legacy), protector) : undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    throw new RegistryKeyError('key-unreadable', file);
  }
  const legacyPlain = material.safeParse(parsed);
  const env = legacyPlain.success ? undefined : envelope.safeParse(parsed);
  if (env && !env.success) throw new RegistryKeyError('key-unreadable', file);
  const e = env?.data;
  if (e?.protection === 'keystore') return unwrap(file, Buffer.from(e.wrapped, 'base64'), protector);
  if (protector) throw new RegistryKeyError('keystore-not-used', file);
  return e?.protection === 'none' ? e.key : legacyPlain.data;
}

function create(dataDir: string, protector: KeyProtector | undefined): Material {
  const file = path.join(dataDir, KEY_FILE);
  if (registryHasEntries(dataDir)) throw new RegistryKeyError('key-missing', file);
  const { privateKey } = crypto.generateKeyPairSync('ed25519');
  const key: Material = {
    mac: crypto.randomBytes(32).toString('base64'),
    ed25519: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
  const body = protector
    ? {
        format: 'vigie-registry-key/1',
        protection: 'keystore',
        wrapped: protector.encrypt(Buffer.from(JSON.stringify(key))).toString('base64'),
      }
    : { format: 'vigie-registry-key/1', protection: 'none', key };
  fs.writeFileSync(file, JSON.stringify(body), { mode: 0o600, flag: 'wx' });
  return key;
}

/** The keys as a worker thread gets them (postMessage turns the MAC key's Buffer into a Uint8Array). */
export function reviveKeys(shared: unknown): RegistryKeys {
  const k = shared as RegistryKeys;
  return { ...k, macKey: Buffer.from(k.macKey) };
}

export function loadOrCreateKeys(dataDir: string, protector?: KeyProtector): RegistryKeys {
  const existing = read(dataDir, protector);
  const m = existing ?? create(dataDir, protector);
  let signingKey: crypto.KeyObject;
  try {
    signingKey = crypto.createPrivateKey(m.ed25519);
  } catch {
    throw new RegistryKeyError('key-unreadable', path.join(dataDir, KEY_FILE));
  }
  return {
    macKey: Buffer.from(m.mac, 'base64'),
    signingKey,
    publicKeyPem: crypto.createPublicKey(signingKey).export({ type: 'spki', format: 'pem' }).toString(),
    created: !existing,
  };
}
