/**
 * The one acquisition rule both stores apply inside their transaction, and the one row shape they
 * both keep (one row per camera; a free camera has no lease id).
 */
import crypto from 'node:crypto';
import type { AcquireResult, Lease } from './types';

export type AcquireRequest = Omit<Lease, 'id' | 'grantedAt'> & { now: number };

/** Grants when free, expired, held by the same login, or held at a strictly lower priority. */
export function decideAcquire(existing: Lease | null, req: AcquireRequest): AcquireResult {
  const { now, ...rest } = req;
  const lease: Lease = { ...rest, id: crypto.randomUUID(), grantedAt: now };
  if (!existing || existing.expiresAt <= now) return { ok: true, lease, preempted: null };
  if (existing.holder.login === req.holder.login) return { ok: true, lease, preempted: null };
  if (req.priority > existing.priority) return { ok: true, lease, preempted: existing };
  return { ok: false, heldBy: existing };
}

/** The columns, in order, shared by the SQLite and PostgreSQL tables. */
export const LEASE_COLUMNS = [
  'lease_id',
  'login',
  'name',
  'rank',
  'service',
  'post',
  'priority',
  'event_ref',
  'reason',
  'granted_at',
  'expires_at',
  'notified',
] as const;

export interface LeaseRow {
  camera_id: number | string;
  lease_id: string | null;
  login: string | null;
  name: string | null;
  rank: string | null;
  service: string | null;
  post: string | null;
  priority: number | string | null;
  event_ref: string | null;
  reason: string | null;
  granted_at: number | string | null;
  expires_at: number | string | null;
  notified: string | null;
}

export function rowToLease(r: LeaseRow | undefined | null): Lease | null {
  if (!r || r.lease_id === null) return null;
  return {
    id: r.lease_id,
    cameraId: Number(r.camera_id),
    holder: {
      login: r.login ?? '',
      name: r.name ?? '',
      rank: r.rank ?? '',
      service: r.service ?? '',
      post: r.post ?? '',
    },
    priority: Number(r.priority),
    eventRef: r.event_ref ?? '',
    reason: r.reason ?? '',
    grantedAt: Number(r.granted_at),
    expiresAt: Number(r.expires_at),
    notified: r.notified === 'override' ? 'override' : 'csu',
  };
}

/** The values of LEASE_COLUMNS for a lease. */
export function leaseValues(l: Lease): (string | number)[] {
  const h = l.holder;
  return [
    l.id,
    h.login,
    h.name,
    h.rank,
    h.service,
    h.post,
    l.priority,
    l.eventRef,
    l.reason,
    l.grantedAt,
    l.expiresAt,
    l.notified,
  ];
}
