/**
 * Offline updates from removable media: before anything is installed, the installer named by
 * `latest.yml` must match its sha512 and size, be newer than the running version, and carry a valid
 * Authenticode signature from the expected publisher. Anything else is refused with its reason.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { z } from 'zod';
import { readFileSafe } from '../storage/safe-read';
import { normaliseDn, type SignatureInspector } from './authenticode';

export const UPDATE_REFUSALS = [
  'manifest_missing',
  'manifest_invalid',
  'file_missing',
  'path_outside',
  'size_mismatch',
  'hash_mismatch',
  'not_newer',
  'unsigned',
  'signature_invalid',
  'wrong_signer',
  'tool_missing',
] as const;
export type UpdateRefusal = (typeof UPDATE_REFUSALS)[number];

export type UpdateVerdict =
  | { ok: true; version: string; file: string; signer: string }
  | { ok: false; reason: UpdateRefusal; version?: string; file?: string; signer?: string | null };

/** Or the check could not be made (the CA bundle cannot be read): no verdict on the installer. */
export type UpdateCheck =
  | UpdateVerdict
  | { ok: false; reason: 'ca_unreadable'; version?: undefined; file?: undefined; signer?: undefined };

const MAX_MANIFEST_BYTES = 64 * 1024;
const SEMVER = /^(\d{1,5})\.(\d{1,5})\.(\d{1,5})$/;
const fileName = z
  .string()
  .min(1)
  .max(255)
  .regex(/^[^/\\:*?"<>|\0]+$/);
const sha512 = z.string().regex(/^[A-Za-z0-9+/]{86}==$/);

/** electron-builder's latest.yml, as much of it as the verifier relies on. */
const manifestSchema = z.object({
  version: z.string().regex(SEMVER),
  path: fileName,
  sha512,
  files: z.array(z.object({ url: fileName, sha512, size: z.number().int().positive().optional() })).min(1),
});

export function newer(candidate: string, current: string): boolean {
  const a = SEMVER.exec(candidate);
  const b = SEMVER.exec(current);
  if (!a || !b) return false;
  for (let i = 1; i <= 3; i++) if (Number(a[i]) !== Number(b[i])) return Number(a[i]) > Number(b[i]);
  return false;
}

/** An installer is read from removable media within this time, and no larger than this. */
const INSTALLER_DEADLINE_MS = 5 * 60_000;
const MAX_INSTALLER_BYTES = 2 * 1024 * 1024 * 1024;

/** The file's sha512 (base64); null when it cannot be read as a regular file within its deadline. */
export async function sha512File(file: string): Promise<string | null> {
  const h = createHash('sha512');
  const r = await readFileSafe(file, {
    maxBytes: MAX_INSTALLER_BYTES,
    deadlineMs: INSTALLER_DEADLINE_MS,
    onChunk: (c) => h.update(c),
  });
  return r.ok ? h.digest('base64') : null;
}

export interface VerifyOptions {
  /** The removable media's folder holding latest.yml and the installer. */
  dir: string;
  currentVersion: string;
  /** The publisher's full distinguished name, as configured for the post. */
  expectedPublisher: string;
  inspector: SignatureInspector;
}

export async function verifyUpdate(o: VerifyOptions): Promise<UpdateCheck> {
  const manifestFile = path.join(o.dir, 'latest.yml');
  // Removable media: a regular file only, read within its deadline (readFileSafe), never a pipe.
  const read = await readFileSafe(manifestFile, { maxBytes: MAX_MANIFEST_BYTES });
  if (!read.ok)
    return { ok: false, reason: read.problem === 'too_large' ? 'manifest_invalid' : 'manifest_missing' };
  const raw = read.bytes.toString('utf8');
  let doc: unknown;
  try {
    doc = yaml.load(raw, { schema: yaml.JSON_SCHEMA, json: true });
  } catch {
    return { ok: false, reason: 'manifest_invalid' };
  }
  const m = manifestSchema.safeParse(doc);
  if (!m.success) return { ok: false, reason: 'manifest_invalid' };
  const { version } = m.data;
  const entry = m.data.files.find((f) => f.url === m.data.path) ?? m.data.files[0]!;
  const file = path.resolve(o.dir, entry.url);
  if (path.dirname(file) !== path.resolve(o.dir)) return { ok: false, reason: 'path_outside', version };
  let size: number;
  try {
    const st = fs.lstatSync(file);
    if (!st.isFile()) return { ok: false, reason: 'file_missing', version, file: entry.url };
    size = st.size;
  } catch {
    return { ok: false, reason: 'file_missing', version, file: entry.url };
  }
  if (entry.size !== undefined && entry.size !== size)
    return { ok: false, reason: 'size_mismatch', version, file: entry.url };
  if ((await sha512File(file)) !== entry.sha512)
    return { ok: false, reason: 'hash_mismatch', version, file: entry.url };
  if (!newer(version, o.currentVersion)) return { ok: false, reason: 'not_newer', version, file: entry.url };
  const sig = await o.inspector.inspect(file);
  const base = { version, file: entry.url, signer: sig.signer };
  if (sig.status === 'ca_unreadable') return { ok: false, reason: 'ca_unreadable' };
  if (sig.status === 'tool_missing') return { ok: false, reason: 'tool_missing', ...base };
  if (sig.status === 'unsigned') return { ok: false, reason: 'unsigned', ...base };
  if (sig.status === 'invalid') return { ok: false, reason: 'signature_invalid', ...base };
  if (!sig.signer || normaliseDn(sig.signer) !== normaliseDn(o.expectedPublisher))
    return { ok: false, reason: 'wrong_signer', ...base };
  return { ok: true, version, file: entry.url, signer: sig.signer };
}
