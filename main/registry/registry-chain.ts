/**
 * The registry's proofs, apart from its storage: the MAC chain, the retention anchor, and signed
 * checkpoints. What each check detects:
 * - an edited entry (its MAC) and a missing one (a gap in the numbers);
 * - an emptied or re-created registry: without an anchor, entry 1 must be the `registry.init`
 *   written when the key was made;
 * - a forged anchor: the last chained `registry.purge` must name it (anchorSeq and anchorMac);
 * - truncation of the tail, against a checkpoint signed with this post's own key, never the key
 *   the checkpoint carries.
 */
import crypto from 'node:crypto';
import { z } from 'zod';
import type { RegistryEntryView, VerifyProblem, VerifyView } from '../../common/contract';
import type { RegistryKeys } from './registry-key';

/** A stored row: what the contract shows, plus its chain MAC. */
export type RegistryRow = RegistryEntryView & { mac: string };
export type VerifyResult = VerifyView;
export interface ChainLink {
  seq: number;
  mac: string;
}

export const GENESIS = 'vigie-registry-genesis';
export const INIT_TYPE = 'registry.init';
export const PURGE_TYPE = 'registry.purge';

const checkpointSchema = z.object({
  seq: z.number().int().nonnegative(),
  mac: z.string(),
  at: z.string(),
  signature: z.string(),
  publicKey: z.string(),
});
export type Checkpoint = z.infer<typeof checkpointSchema>;

function canonical(r: Omit<RegistryRow, 'mac'>): string {
  return JSON.stringify([
    r.seq,
    r.at,
    r.type,
    r.login,
    r.name,
    r.rank,
    r.service,
    r.cameraId,
    r.surface,
    r.data,
  ]);
}

export function computeMac(key: Buffer, prevMac: string, r: Omit<RegistryRow, 'mac'>): string {
  return crypto.createHmac('sha256', key).update(prevMac).update('\n').update(canonical(r)).digest('hex');
}

const signedPart = (c: Pick<Checkpoint, 'seq' | 'mac' | 'at'>): Buffer =>
  Buffer.from(JSON.stringify({ seq: c.seq, mac: c.mac, at: c.at }));

export function signCheckpoint(keys: RegistryKeys, head: ChainLink): Checkpoint {
  const base = { seq: head.seq, mac: head.mac, at: new Date().toISOString() };
  const signature = crypto.sign(null, signedPart(base), keys.signingKey).toString('base64');
  return { ...base, signature, publicKey: keys.publicKeyPem };
}

const der = (pem: string): Buffer => crypto.createPublicKey(pem).export({ type: 'spki', format: 'der' });

/** Whether the checkpoint names this post's key; the key it carries is only ever compared, never trusted. */
export function checkpointFromThisPost(keys: RegistryKeys, c: Checkpoint): boolean {
  try {
    return der(c.publicKey).equals(der(keys.publicKeyPem));
  } catch {
    return false;
  }
}

export function checkpointSignatureValid(keys: RegistryKeys, c: Checkpoint): boolean {
  try {
    return crypto.verify(null, signedPart(c), keys.publicKeyPem, Buffer.from(c.signature, 'base64'));
  } catch {
    return false;
  }
}

function purgeAnchor(r: RegistryRow): Partial<ChainLink> {
  try {
    const d = JSON.parse(r.data) as { anchorSeq?: unknown; anchorMac?: unknown };
    return {
      ...(typeof d.anchorSeq === 'number' && { seq: d.anchorSeq }),
      ...(typeof d.anchorMac === 'string' && { mac: d.anchorMac }),
    };
  } catch {
    return {};
  }
}

/**
 * Walks the chain from the anchor (or genesis) and checks it, then the checkpoint if one is given.
 * `checkpoint` is whatever a file held: `undefined` means none, anything else must be a checkpoint.
 */
export function verifyChain(
  keys: RegistryKeys,
  anchor: ChainLink | null,
  rows: Iterable<RegistryRow>,
  checkpoint?: unknown,
): VerifyResult {
  const parsed = checkpoint === undefined ? undefined : checkpointSchema.safeParse(checkpoint);
  const cp = parsed?.success ? parsed.data : undefined;
  let prev: ChainLink = anchor ?? { seq: 0, mac: GENESIS };
  let count = 0;
  let lastPurge: Partial<ChainLink> | null = null;
  let macAtCheckpoint: string | undefined;
  const bad = (
    firstBadSeq: number,
    problem: VerifyProblem,
    more: Partial<VerifyResult> = {},
  ): VerifyResult => ({
    ...more,
    ok: false,
    rows: count,
    firstBadSeq,
    problem,
  });
  for (const r of rows) {
    count++;
    if (r.seq !== prev.seq + 1) return bad(prev.seq + 1, 'missing');
    const { mac, ...rest } = r;
    if (computeMac(keys.macKey, prev.mac, rest) !== mac) return bad(r.seq, 'altered');
    if (!anchor && r.seq === 1 && r.type !== INIT_TYPE) return bad(1, 'wiped');
    if (r.type === PURGE_TYPE) lastPurge = purgeAnchor(r);
    if (cp && r.seq === cp.seq) macAtCheckpoint = mac;
    prev = { seq: r.seq, mac };
  }
  if (!anchor && count === 0) return bad(1, 'wiped');
  if (
    anchor &&
    (lastPurge?.seq !== anchor.seq || (lastPurge.mac !== undefined && lastPurge.mac !== anchor.mac))
  )
    return bad(anchor.seq, 'anchor-unproven');
  if (parsed && !cp) return bad(prev.seq, 'checkpoint-unreadable');
  if (cp) {
    const at = { checkpointSeq: cp.seq };
    if (!checkpointFromThisPost(keys, cp)) return bad(cp.seq, 'checkpoint-foreign-key', at);
    if (!checkpointSignatureValid(keys, cp)) return bad(cp.seq, 'checkpoint-signature', at);
    if (anchor && cp.seq <= anchor.seq) return bad(cp.seq, 'checkpoint-before-anchor', at);
    if (cp.seq > prev.seq)
      return bad(prev.seq + 1, 'checkpoint-truncated', { ...at, missing: cp.seq - prev.seq });
    if (macAtCheckpoint !== cp.mac) return bad(cp.seq, 'checkpoint-mismatch', at);
  }
  return { ok: true, rows: count, head: count || prev.seq ? prev : null };
}
