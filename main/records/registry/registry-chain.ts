/**
 * The registry's proofs, apart from its storage: the MAC chain, the retention anchor, and signed
 * checkpoints. Verification reports every range at fault, not only the first. What each check detects:
 * - an edited entry (its MAC) and a missing one (a gap in the numbers);
 * - an emptied or re-created registry: without an anchor, entry 1 must be the `registry.init`
 *   written when the key was made;
 * - a forged anchor: the last chained `registry.purge` must name it (anchorSeq and anchorMac);
 * - truncation of the tail, against a checkpoint signed with this post's own key, never the key
 *   the checkpoint carries.
 */
import crypto from 'node:crypto';
import { z } from 'zod';
import {
  VERIFY_RANGES_LISTED,
  type RegistryEntryView,
  type VerifyProblem,
  type VerifyRange,
  type VerifyView,
} from '../../../common/contract';
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

/** An entry's MACed fields after its number, in the chain's order: the format, never to be reordered. */
export function entryFields(r: Omit<RegistryRow, 'mac' | 'seq'>): unknown[] {
  return [r.at, r.type, r.login, r.name, r.rank, r.service, r.cameraId, r.surface, r.data];
}

/** HMAC-SHA256 over the previous MAC, a newline and the fields as a JSON array: every chain's link. */
export function chainMac(key: Buffer, prevMac: string, fields: unknown[]): string {
  return crypto
    .createHmac('sha256', key)
    .update(prevMac)
    .update('\n')
    .update(JSON.stringify(fields))
    .digest('hex');
}

/** A post's own chain: the entry's number, then its fields. */
export function computeMac(key: Buffer, prevMac: string, r: Omit<RegistryRow, 'mac'>): string {
  return chainMac(key, prevMac, [r.seq, ...entryFields(r)]);
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
 * The ranges a walk finds: consecutive entries with the same problem merge into one; every range is
 * counted, the first VERIFY_RANGES_LISTED are kept.
 */
class Ranges {
  readonly listed: VerifyRange[] = [];
  count = 0;
  private last: VerifyRange | null = null;

  note(first: number, last: number, problem: VerifyProblem): void {
    if (this.last?.problem === problem && this.last.last + 1 === first) {
      this.last.last = last;
      return;
    }
    this.count++;
    this.last = { first, last, problem };
    if (this.listed.length < VERIFY_RANGES_LISTED) this.listed.push(this.last);
  }
}

/** How an entry's MAC is computed from its predecessor's: the post's chain, or the CIC's shared one. */
export type MacOf<R extends RegistryRow> = (key: Buffer, prevMac: string, row: Omit<R, 'mac'>) => string;

/**
 * Walks the whole chain from the anchor (or genesis), then checks the anchor and the checkpoint if
 * one is given. It never stops at a failure, so one bad entry cannot hide others:
 * - after a gap, the first entry present cannot be checked against its missing predecessor: the gap
 *   is `missing`, and the chain resumes from that entry's stored MAC;
 * - after an altered entry, it resumes from the stored MAC, so each later entry is checked alone.
 * `checkpoint` is whatever a file held: `undefined` means none, anything else must be a checkpoint.
 */
export function verifyChain(
  keys: RegistryKeys,
  anchor: ChainLink | null,
  rows: Iterable<RegistryRow>,
  checkpoint?: unknown,
): VerifyResult {
  const walk = chainWalk(keys, anchor, checkpoint, computeMac);
  for (const r of rows) walk.add(r);
  return walk.result();
}

/** The same walk, one entry at a time: for rows that arrive in pages (PostgreSQL). */
export function chainWalk<R extends RegistryRow>(
  keys: RegistryKeys,
  anchor: ChainLink | null,
  checkpoint: unknown,
  macOf: MacOf<R>,
  /** Which entries are retention purges, whose anchor the retention anchor must be. */
  isPurge: (r: R) => boolean = (r) => r.type === PURGE_TYPE,
): { add(r: R): void; result(): VerifyResult } {
  const parsed = checkpoint === undefined ? undefined : checkpointSchema.safeParse(checkpoint);
  const cp = parsed?.success ? parsed.data : undefined;
  let prev: ChainLink = anchor ?? { seq: 0, mac: GENESIS };
  let count = 0;
  let lastPurge: Partial<ChainLink> | null = null;
  let macAtCheckpoint: string | undefined;
  const chain = new Ranges();
  const add = (r: R): void => {
    count++;
    const { mac, ...rest } = r;
    if (r.seq <= prev.seq) {
      chain.note(r.seq, r.seq, 'altered'); // at or below the anchor: it should not be there at all
      return;
    }
    if (r.seq > prev.seq + 1) chain.note(prev.seq + 1, r.seq - 1, 'missing');
    else if (macOf(keys.macKey, prev.mac, rest) !== mac) chain.note(r.seq, r.seq, 'altered');
    else if (!anchor && r.seq === 1 && r.type !== INIT_TYPE) chain.note(1, 1, 'wiped');
    if (isPurge(r)) lastPurge = purgeAnchor(r);
    if (cp && r.seq === cp.seq) macAtCheckpoint = mac;
    prev = { seq: r.seq, mac };
  };
  const result = (): VerifyResult => {
    // Problems of the registry as a whole: always listed, after the chain's.
    const whole: VerifyRange[] = [];
    const bad = (seq: number, problem: VerifyProblem, more: Partial<VerifyRange> = {}, last = seq): void => {
      whole.push({ first: seq, last, problem, ...more });
    };
    if (!anchor && count === 0) bad(1, 'wiped');
    if (
      anchor &&
      (lastPurge?.seq !== anchor.seq || (lastPurge.mac !== undefined && lastPurge.mac !== anchor.mac))
    )
      bad(anchor.seq, 'anchor-unproven');
    if (parsed && !cp) bad(prev.seq, 'checkpoint-unreadable');
    if (cp) {
      const at = { checkpointSeq: cp.seq };
      if (!checkpointFromThisPost(keys, cp)) bad(cp.seq, 'checkpoint-foreign-key', at);
      else if (!checkpointSignatureValid(keys, cp)) bad(cp.seq, 'checkpoint-signature', at);
      else if (anchor && cp.seq <= anchor.seq) bad(cp.seq, 'checkpoint-before-anchor', at);
      else if (cp.seq > prev.seq)
        bad(prev.seq + 1, 'checkpoint-truncated', { ...at, missing: cp.seq - prev.seq }, cp.seq);
      else if (macAtCheckpoint !== cp.mac) bad(cp.seq, 'checkpoint-mismatch', at);
    }
    const ranges = [...chain.listed, ...whole];
    const first = ranges[0];
    if (!first) return { ok: true, rows: count, head: count || prev.seq ? prev : null };
    const { first: firstBadSeq, last: _last, ...problem } = first;
    return {
      ok: false,
      rows: count,
      firstBadSeq,
      ...problem,
      rangeCount: chain.count + whole.length,
      ranges,
    };
  };
  return { add, result };
}
