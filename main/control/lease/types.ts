/**
 * The takeover lease (convention, article 3): the interfaces between the lease side (stores, CSU
 * notification, the lease service) and the application side (handlers, control, UI). Both sides
 * code against these; neither reaches into the other's files.
 */
import type { Result } from '../../../common/result';
import type { Role } from '../../../common/roles';
import type { RegistryActor } from '../../records/registry/registry';

/** Who holds a camera: the operator, and the post (one CIC console) they hold it from. */
export interface LeaseHolder extends RegistryActor {
  post: string;
}

export interface Lease {
  id: string;
  cameraId: number;
  holder: LeaseHolder;
  /** Higher pre-empts lower: 1 operator (role ptz), 2 supervisor. */
  priority: number;
  /** The operational event: its reference and a short reason. */
  eventRef: string;
  reason: string;
  /** Epoch ms. */
  grantedAt: number;
  expiresAt: number;
  /** How the CSU learnt of it: notified, or a supervisor's recorded override when no channel delivered. */
  notified: 'csu' | 'override';
}

export type AcquireResult =
  { ok: true; lease: Lease; preempted: Lease | null } | { ok: false; heldBy: Lease };

/**
 * Where leases live. One holder per camera across every post: the store is the single truth.
 * Embedded (SQLite in the data directory) for a single post; PostgreSQL for several.
 */
export interface LeaseStore {
  /**
   * Atomically grants the camera when it is free, its lease expired, it is held by the same login,
   * or held at a strictly lower priority (then `preempted` is the lease taken away).
   */
  acquire(req: Omit<Lease, 'id' | 'grantedAt'> & { now: number }): Promise<AcquireResult>;
  /** Moves the expiry of a live lease; null when it is no longer that lease. */
  extend(leaseId: string, expiresAt: number, now: number): Promise<Lease | null>;
  /** Ends a lease; null when it had already ended. */
  release(leaseId: string): Promise<Lease | null>;
  current(cameraId: number, now: number): Promise<Lease | null>;
  all(now: number): Promise<Lease[]>;
  /** Some post (this one included) changed this camera's lease: re-read it. */
  onChange(listener: (cameraId: number) => void): () => void;
  close(): Promise<void>;
}

export type CsuChannel = 'webhook' | 'smtp';

/** What the CSU manager is told before control is granted (and again on each extension). */
export interface CsuNotice {
  /** `test`: the commissioning self-test's delivery check; no control is taken. */
  kind: 'take' | 'extend' | 'test';
  cameraId: number;
  cameraName: string;
  site: string;
  holder: LeaseHolder;
  eventRef: string;
  reason: string;
  /** ISO 8601: when control returns by itself. */
  until: string;
}

export interface CsuDelivery {
  channel: CsuChannel;
  ok: boolean;
  /** Why it failed, as a code (timeout, refused, http status, smtp rejection); never credentials. */
  failure?: string;
}

export interface CsuNotifier {
  channels(): CsuChannel[];
  /** Tries every configured channel; never throws. */
  notify(notice: CsuNotice): Promise<CsuDelivery[]>;
}

/** Who asks, as the lease service needs it: the registry actor, the role (priority) and the post. */
export interface LeaseRequester {
  actor: RegistryActor;
  role: Role;
}

export type LeaseEnd = 'released' | 'expired' | 'preempted';

export interface LeaseChange {
  cameraId: number;
  /** The lease now in force, or null. */
  lease: Lease | null;
  /** Set when a lease ended: which one, why, and by whom for a pre-emption. */
  ended?: { lease: Lease; reason: LeaseEnd; by?: LeaseHolder };
}

/**
 * The lease service: notify the CSU first, then grant; expire by itself; record every step in the
 * registry. The application side calls only this.
 */
export interface PtzLeases {
  take(
    req: { cameraId: number; eventRef: string; reason: string; minutes?: number; override?: boolean },
    who: LeaseRequester,
  ): Promise<Result<Lease>>;
  extend(cameraId: number, minutes: number | undefined, who: LeaseRequester): Promise<Result<Lease>>;
  release(cameraId: number, who: LeaseRequester): Promise<Result<null>>;
  /** Synchronous, from the service's cache: does this login hold this camera from this post now? */
  holds(cameraId: number, login: string): boolean;
  current(cameraId: number): Lease | null;
  all(): Lease[];
  limits(): { defaultMinutes: number; maxMinutes: number };
  channels(): CsuChannel[];
  /** Every grant, extension, end (release, expiry, pre-emption), from this post or another. */
  onChange(listener: (change: LeaseChange) => void): () => void;
  close(): Promise<void>;
}
