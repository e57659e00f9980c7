/**
 * Each camera's lease as this post sees it: an explicit state machine.
 *
 *   free ──take──▶ notifying ──granted──▶ held ──extend──▶ notifying ──extended──▶ held
 *     ▲               │ refused                │ released | expired | preempted
 *     └───────────────┴────────────────────────┘
 *
 * `notifying` is this post telling the CSU before it acquires (one request per camera at a time);
 * meanwhile the lease in force (another post's, or the one being extended) is still tracked.
 * Leases granted, extended or ended by other posts arrive through `observe`, which returns the
 * change to announce (nothing when the store says what the cache already knew).
 */
import type { Lease, LeaseChange, LeaseEnd } from './types';

export type CameraLease =
  | { state: 'free' }
  | { state: 'notifying'; kind: 'take' | 'extend'; login: string; lease: Lease | null }
  | { state: 'held'; lease: Lease };

const FREE: CameraLease = { state: 'free' };

export class LeaseMachine {
  private readonly cams = new Map<number, CameraLease>();

  get(cameraId: number): CameraLease {
    return this.cams.get(cameraId) ?? FREE;
  }

  lease(cameraId: number): Lease | null {
    const s = this.get(cameraId);
    return s.state === 'free' ? null : s.lease;
  }

  cameras(): number[] {
    return [...this.cams.keys()];
  }

  leases(): Lease[] {
    return this.cameras()
      .map((c) => this.lease(c))
      .filter((l): l is Lease => l !== null);
  }

  private set(cameraId: number, s: CameraLease): void {
    if (s.state === 'free') this.cams.delete(cameraId);
    else this.cams.set(cameraId, s);
  }

  /** free | held → notifying. False when this post is already notifying for this camera. */
  begin(cameraId: number, kind: 'take' | 'extend', login: string): boolean {
    const s = this.get(cameraId);
    if (s.state === 'notifying') return false;
    this.set(cameraId, { state: 'notifying', kind, login, lease: s.state === 'held' ? s.lease : null });
    return true;
  }

  /** notifying → held (a lease is in force) or free. */
  finish(cameraId: number): void {
    const s = this.get(cameraId);
    if (s.state !== 'notifying') return;
    this.set(cameraId, s.lease ? { state: 'held', lease: s.lease } : FREE);
  }

  /**
   * The lease the store says is in force. A lease that disappears ended: `endedHere` when this post
   * knows why (its own release), else expired when past its end, else released; a lease replaced
   * by another holder's was pre-empted; one replaced by the same holder's (same post) was renewed.
   */
  observe(cameraId: number, next: Lease | null, now: number, endedHere?: LeaseEnd): LeaseChange | null {
    const s = this.get(cameraId);
    const prev = s.state === 'free' ? null : s.lease;
    if (prev?.id === next?.id && prev?.expiresAt === next?.expiresAt) return null;
    if (s.state === 'notifying') this.set(cameraId, { ...s, lease: next });
    else this.set(cameraId, next ? { state: 'held', lease: next } : FREE);
    const change: LeaseChange = { cameraId, lease: next };
    // The same operator taking again from the same post renews control: nothing ended.
    const renewed =
      next && prev && next.holder.login === prev.holder.login && next.holder.post === prev.holder.post;
    if (prev && prev.id !== next?.id && !renewed) {
      const reason: LeaseEnd =
        endedHere ??
        (next && next.holder.login !== prev.holder.login
          ? 'preempted'
          : prev.expiresAt <= now
            ? 'expired'
            : 'released');
      change.ended = { lease: prev, reason, ...(reason === 'preempted' && next && { by: next.holder }) };
    }
    return change;
  }
}
