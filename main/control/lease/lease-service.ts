/**
 * The takeover lease (convention, article 3): notify the CSU first, then acquire in the store; the
 * lease ends by itself at expiry; a supervisor pre-empts an operator; every step goes to the
 * registry with the operator and the camera. `holds()` answers synchronously from the lease cache
 * (lease-cache.ts), which the store keeps current. The service owns the store: `close()` closes it.
 */
import { err, ok, type Result } from '../../../common/result';
import { createLogger } from '../../platform/log/logger';
import { LeaseCache } from './lease-cache';
import {
  PRIORITY,
  SUPERVISOR_PRIORITY,
  actorOf,
  checkEvent,
  checkMinutes,
  holderData,
  type LeaseRegistry,
} from './lease-request';
import type {
  CsuChannel,
  CsuNotifier,
  Lease,
  LeaseChange,
  LeaseRequester,
  LeaseStore,
  PtzLeases,
} from './types';

const log = createLogger('ptz-lease');

export interface LeaseServiceOptions {
  store: LeaseStore;
  notifier: CsuNotifier;
  registry: LeaseRegistry;
  /** This post's name: unique among the posts sharing a store. */
  post: string;
  /** The camera's name and site for the CSU notice; null when it is not in the inventory. */
  camera(id: number): { name: string; site: string } | null;
  defaultMinutes?: number;
  maxMinutes?: number;
  /** Length of a "minute" in ms (tests shorten it). */
  minuteMs?: number;
  now?: () => number;
  /** The periodic re-read of the store, ms. */
  sweepMs?: number;
  /** Extra data for every entry of a camera: the special operation running on it (operationId). */
  tag?: (cameraId: number) => Record<string, unknown>;
}

class StoreDown extends Error {}

export class LeaseService implements PtzLeases {
  private readonly cache: LeaseCache;
  private readonly lim: { defaultMinutes: number; maxMinutes: number };
  private readonly minuteMs: number;
  private readonly now: () => number;

  constructor(private readonly o: LeaseServiceOptions) {
    this.lim = { defaultMinutes: o.defaultMinutes ?? 10, maxMinutes: o.maxMinutes ?? 30 };
    this.minuteMs = o.minuteMs ?? 60_000;
    this.now = o.now ?? Date.now;
    this.cache = new LeaseCache({
      store: o.store,
      post: o.post,
      now: this.now,
      sweepMs: o.sweepMs ?? 5_000,
      // Expiry and pre-emption of this post's leases; a release is recorded by release().
      onOwnEnd: (e, cameraId) =>
        this.record(
          e.reason === 'expired' ? 'ptz.expire' : 'ptz.preempt',
          actorOf(e.lease.holder),
          cameraId,
          {
            leaseId: e.lease.id,
            ...(e.by && { by: { login: e.by.login, name: e.by.name, post: e.by.post } }),
          },
        ),
    });
  }

  /** Resolves once the leases already in the store at start-up are known. */
  ready(): Promise<void> {
    return this.cache.ready;
  }

  private record(
    type: string,
    actor: LeaseRequester['actor'],
    cameraId: number,
    data: Record<string, unknown>,
  ): void {
    const tag = this.o.tag?.(cameraId);
    this.o.registry.append({ type, actor, cameraId, data: { post: this.o.post, ...data, ...tag } });
  }

  private async db<T>(fn: (s: LeaseStore) => Promise<T>): Promise<T> {
    try {
      return await fn(this.o.store);
    } catch (e) {
      throw new StoreDown(e instanceof Error ? e.message : String(e));
    }
  }

  /** Notifies every channel, records each result; which reason refuses when none delivered. */
  private async notify(
    kind: 'take' | 'extend',
    lease: Pick<Lease, 'cameraId' | 'holder' | 'eventRef' | 'reason' | 'expiresAt'>,
    who: LeaseRequester,
  ): Promise<'none_configured' | 'failed' | null> {
    const cam = this.o.camera(lease.cameraId) ?? { name: `#${lease.cameraId}`, site: '' };
    const { cameraId, holder, eventRef, reason } = lease;
    const until = new Date(lease.expiresAt).toISOString();
    const out = await this.o.notifier.notify({
      kind,
      cameraId,
      cameraName: cam.name,
      site: cam.site,
      holder,
      eventRef,
      reason,
      until,
    });
    for (const d of out)
      this.record('ptz.notify', who.actor, cameraId, {
        kind,
        channel: d.channel,
        ok: d.ok,
        ...(d.failure && { failure: d.failure }),
      });
    if (out.some((d) => d.ok)) return null;
    return out.length === 0 ? 'none_configured' : 'failed';
  }

  /** Runs the request inside `notifying`, turning a store failure into its code. */
  private async guarded<T>(
    cameraId: number,
    kind: 'take' | 'extend',
    who: LeaseRequester,
    fn: () => Promise<Result<T>>,
  ): Promise<Result<T>> {
    if (!this.cache.machine.begin(cameraId, kind, who.actor.login)) return err('ptz_busy');
    try {
      return await fn();
    } catch (e) {
      if (!(e instanceof StoreDown)) {
        log.error(`PTZ ${kind} failed`, e);
        return err('internal');
      }
      log.warn(`lease store unreachable during ${kind}`);
      try {
        this.record('ptz.refuse', who.actor, cameraId, { kind, why: 'store_unreachable' });
      } catch (x) {
        log.error('registry write failed for a refusal', x);
      }
      return err('lease_store_unreachable');
    } finally {
      this.cache.machine.finish(cameraId);
    }
  }

  async take(
    req: { cameraId: number; eventRef: string; reason: string; minutes?: number; override?: boolean },
    who: LeaseRequester,
  ): Promise<Result<Lease>> {
    const priority = PRIORITY[who.role] ?? 0;
    if (!priority || (req.override && priority < SUPERVISOR_PRIORITY))
      return err('forbidden', { reason: 'role' });
    if (!Number.isInteger(req.cameraId) || !this.o.camera(req.cameraId))
      return err('invalid_payload', { field: 'cameraId' });
    const event = checkEvent(req.eventRef, req.reason);
    if ('ok' in event) return event;
    const minutes = checkMinutes(req.minutes, this.lim);
    if (typeof minutes !== 'number') return minutes;
    const { cameraId } = req;
    const override = req.override === true;
    return this.guarded(cameraId, 'take', who, async () => {
      this.record('ptz.request', who.actor, cameraId, { ...event, minutes, override, priority });
      const holder = { ...who.actor, post: this.o.post };
      const held = await this.db((s) => s.current(cameraId, this.now()));
      if (held && held.holder.login !== holder.login && held.priority >= priority)
        return this.refuseHeld(held, who);
      const expiresAt = this.now() + minutes * this.minuteMs;
      const lease = { cameraId, holder, ...event, expiresAt };
      const unreached = await this.notify('take', lease, who);
      if (unreached && !override) {
        this.record('ptz.refuse', who.actor, cameraId, { why: 'csu_unreached', reason: unreached });
        return err('csu_unreached', { reason: unreached });
      }
      if (unreached) this.record('ptz.override', who.actor, cameraId, { reason: unreached });
      const notified = unreached ? 'override' : 'csu';
      const r = await this.db((s) => s.acquire({ ...lease, priority, notified, now: this.now() }));
      if (!r.ok) return this.refuseHeld(r.heldBy, who);
      try {
        this.record('ptz.grant', who.actor, cameraId, {
          ...holderData(r.lease),
          expiresAt: new Date(r.lease.expiresAt).toISOString(),
          notified,
          ...(r.preempted && { preempted: holderData(r.preempted) }),
        });
      } catch (e) {
        // Nothing is granted that the registry does not hold.
        await this.o.store.release(r.lease.id).catch(() => null);
        await this.cache.set(cameraId, null, 'released');
        throw e;
      }
      await this.cache.set(cameraId, r.lease);
      return ok(r.lease);
    });
  }

  private refuseHeld(held: Lease, who: LeaseRequester): Result<never> {
    this.record('ptz.refuse', who.actor, held.cameraId, { why: 'held', holder: holderData(held) });
    return err('ptz_held', { name: held.holder.name, post: held.holder.post });
  }

  /** This post's lease on the camera, when this login holds it. */
  private own(cameraId: number, login: string): Lease | null {
    const l = this.cache.machine.lease(cameraId);
    return l && l.holder.login === login && l.holder.post === this.o.post && l.expiresAt > this.now()
      ? l
      : null;
  }

  async extend(
    cameraId: number,
    minutes: number | undefined,
    who: LeaseRequester,
    opts: { override?: boolean } = {},
  ): Promise<Result<Lease>> {
    const priority = PRIORITY[who.role] ?? 0;
    if (!priority || (opts.override && priority < SUPERVISOR_PRIORITY))
      return err('forbidden', { reason: 'role' });
    const m = checkMinutes(minutes, this.lim);
    if (typeof m !== 'number') return m;
    const lease = this.own(cameraId, who.actor.login);
    if (!lease) return err('ptz_not_held');
    return this.guarded(cameraId, 'extend', who, async () => {
      const expiresAt = this.now() + m * this.minuteMs;
      const unreached = await this.notify('extend', { ...lease, expiresAt }, who);
      if (unreached && !opts.override) {
        this.record('ptz.refuse', who.actor, cameraId, {
          kind: 'extend',
          why: 'csu_unreached',
          reason: unreached,
        });
        return err('csu_unreached', { reason: unreached });
      }
      if (unreached) this.record('ptz.override', who.actor, cameraId, { kind: 'extend', reason: unreached });
      const ext = await this.db((s) => s.extend(lease.id, expiresAt, this.now()));
      if (!ext) return err('ptz_not_held');
      this.record('ptz.extend', who.actor, cameraId, {
        leaseId: ext.id,
        minutes: m,
        expiresAt: new Date(ext.expiresAt).toISOString(),
        notified: unreached ? 'override' : 'csu',
      });
      await this.cache.set(cameraId, ext);
      return ok(ext);
    });
  }

  async release(cameraId: number, who: LeaseRequester): Promise<Result<null>> {
    const lease = this.own(cameraId, who.actor.login);
    if (!lease) return err('ptz_not_held');
    let gone: Lease | null;
    try {
      gone = await this.db((s) => s.release(lease.id));
    } catch {
      return err('lease_store_unreachable');
    }
    if (!gone) return err('ptz_not_held');
    this.record('ptz.release', who.actor, cameraId, { leaseId: lease.id });
    await this.cache.set(cameraId, null, 'released');
    return ok(null);
  }

  holds(cameraId: number, login: string): boolean {
    return this.own(cameraId, login) !== null;
  }

  current(cameraId: number): Lease | null {
    const l = this.cache.machine.lease(cameraId);
    return l && l.expiresAt > this.now() ? l : null;
  }

  all(): Lease[] {
    const now = this.now();
    return this.cache.machine.leases().filter((l) => l.expiresAt > now);
  }

  limits(): { defaultMinutes: number; maxMinutes: number } {
    return { ...this.lim };
  }

  channels(): CsuChannel[] {
    return this.o.notifier.channels();
  }

  onChange(listener: (change: LeaseChange) => void): () => void {
    return this.cache.onChange(listener);
  }

  async close(): Promise<void> {
    await this.cache.close();
    await this.o.store.close();
  }
}
