/**
 * This post's view of every camera's lease, kept current from the store: its `onChange` (this
 * post's changes and, with PostgreSQL, every other post's at once), an expiry timer per lease and a
 * periodic re-read. Each camera's reads and updates run one at a time, so a stale read never
 * overwrites a newer lease. At a lease's end this post releases its own in the store.
 */
import { createLogger } from '../../platform/log/logger';
import { LeaseMachine } from './lease-machine';
import { Listeners } from '../../platform/signal';
import type { Lease, LeaseChange, LeaseEnd, LeaseStore } from './types';

const log = createLogger('ptz-lease');
const why = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export interface LeaseCacheOptions {
  store: LeaseStore;
  post: string;
  now: () => number;
  sweepMs: number;
  /** A lease of this post expired or was pre-empted (a release is recorded by whoever releases). */
  onOwnEnd: (change: Required<LeaseChange>['ended'], cameraId: number) => void;
}

export class LeaseCache {
  readonly machine = new LeaseMachine();
  private readonly listeners = new Listeners<LeaseChange>((e) =>
    log.error('lease change listener failed', e),
  );
  private readonly queues = new Map<number, Promise<void>>();
  private readonly timers = new Map<number, NodeJS.Timeout>();
  private readonly sweeper: NodeJS.Timeout;
  private readonly unsubscribe: () => void;
  readonly ready: Promise<void>;
  private closed = false;

  constructor(private readonly o: LeaseCacheOptions) {
    this.unsubscribe = o.store.onChange((cameraId) => void this.refresh(cameraId));
    this.sweeper = setInterval(() => void this.sweep(), o.sweepMs);
    this.sweeper.unref();
    this.ready = this.sweep();
  }

  onChange(listener: (change: LeaseChange) => void): () => void {
    return this.listeners.add(listener);
  }

  /** After this post's own change: the cache takes it before the caller answers. */
  set(cameraId: number, lease: Lease | null, endedHere?: LeaseEnd): Promise<void> {
    return this.enqueue(cameraId, async () => this.apply(cameraId, lease, endedHere));
  }

  private enqueue(cameraId: number, fn: () => Promise<void>): Promise<void> {
    const run = (this.queues.get(cameraId) ?? Promise.resolve())
      .then(fn)
      .catch((e: unknown) => log.warn(`lease re-read of camera ${cameraId} failed (${why(e)})`));
    this.queues.set(cameraId, run);
    void run.then(() => {
      if (this.queues.get(cameraId) === run) this.queues.delete(cameraId);
    });
    return run;
  }

  private refresh(cameraId: number): Promise<void> {
    return this.enqueue(cameraId, async () => {
      if (!this.closed) this.apply(cameraId, await this.o.store.current(cameraId, this.o.now()));
    });
  }

  private async sweep(): Promise<void> {
    if (this.closed) return;
    let stored: Lease[];
    try {
      stored = await this.o.store.all(this.o.now());
    } catch (e) {
      log.warn(`lease store re-read failed (${why(e)})`);
      return;
    }
    const cams = new Set([...this.machine.cameras(), ...stored.map((l) => l.cameraId)]);
    await Promise.all([...cams].map((c) => this.refresh(c)));
  }

  private expire(cameraId: number, leaseId: string): Promise<void> {
    return this.enqueue(cameraId, async () => {
      const l = this.machine.lease(cameraId);
      if (this.closed || l?.id !== leaseId) return;
      if (l.expiresAt > this.o.now()) return this.schedule(cameraId, l);
      if (l.holder.post === this.o.post) await this.o.store.release(l.id).catch(() => null);
      const next = await this.o.store.current(cameraId, this.o.now()).catch(() => null);
      this.apply(cameraId, next);
    });
  }

  private schedule(cameraId: number, lease: Lease | null): void {
    clearTimeout(this.timers.get(cameraId));
    this.timers.delete(cameraId);
    if (!lease || this.closed) return;
    const t = setTimeout(
      () => void this.expire(cameraId, lease.id),
      Math.max(0, lease.expiresAt - this.o.now()),
    );
    t.unref();
    this.timers.set(cameraId, t);
  }

  private apply(cameraId: number, next: Lease | null, endedHere?: LeaseEnd): void {
    const change = this.machine.observe(cameraId, next, this.o.now(), endedHere);
    if (!change) return;
    this.schedule(cameraId, next);
    const e = change.ended;
    if (e && e.reason !== 'released' && e.lease.holder.post === this.o.post) {
      try {
        this.o.onOwnEnd(e, cameraId);
      } catch (x) {
        log.error('registry write failed for a lease end', x);
      }
    }
    this.listeners.emit(change);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.sweeper);
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    this.unsubscribe();
    this.listeners.clear();
    await Promise.all([...this.queues.values()]);
  }
}
