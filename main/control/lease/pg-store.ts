/**
 * The PostgreSQL lease store, for several posts (`--lease-store postgres://…`): the database is the
 * one place where the truth lives. Each change runs in a transaction that inserts-or-locks the
 * camera's row (`SELECT … FOR UPDATE`), so concurrent acquires from several posts serialise on it,
 * and sends `NOTIFY` on commit. A dedicated `LISTEN` connection makes every other post's `onChange`
 * fire at once; when the server goes away it is re-opened with backoff (logged, never thrown), and
 * every camera is re-read after a reconnection since notifications may have been missed.
 * A failed query rejects with the driver's error: the lease service turns it into an error code.
 */
import crypto from 'node:crypto';
import pg from 'pg';
import { Listeners } from '../../platform/signal';
import { createLogger } from '../../platform/log/logger';
import { PgListener, pgFailure } from '../../platform/storage/pg-listener';
import {
  LEASE_COLUMNS,
  decideAcquire,
  leaseValues,
  rowToLease,
  type AcquireRequest,
  type LeaseRow,
} from './lease-rule';
import type { AcquireResult, Lease, LeaseStore } from './types';
import { inTransaction } from '../../platform/storage/pg-checkout';
import { pgPool } from '../../platform/storage/pg-pool';

const log = createLogger('ptz-lease');
const TABLE = 'vigie_ptz_leases';
const CHANNEL = 'vigie_ptz_lease';
const SELECT = `SELECT camera_id, ${LEASE_COLUMNS.join(', ')} FROM ${TABLE}`;
const SCHEMA_LOCK = 0x76696769; // 'vigi': serialises CREATE TABLE between posts starting together

export { LISTENER_TRANSITIONS, pgFailure, type ListenerName } from '../../platform/storage/pg-listener';

export class PgLeaseStore implements LeaseStore {
  private readonly pool: pg.Pool;
  private readonly instance = crypto.randomUUID();
  private readonly listeners = new Listeners<number>((e) => log.error('lease listener failed', e));
  private schema: Promise<void> | null = null;
  private readonly listener: PgListener;

  constructor(url: string) {
    this.pool = pgPool(url, { max: 4, what: 'lease store', log });
    this.listener = new PgListener({
      url,
      channel: CHANNEL,
      what: 'lease store listener',
      log,
      notified: (payload) => this.notified(payload),
      reconnected: () => void this.resync(),
    });
  }

  private ensureSchema(): Promise<void> {
    this.schema ??= inTransaction(this.pool, async (c) => {
      await c.query('SELECT pg_advisory_xact_lock($1)', [SCHEMA_LOCK]);
      await c.query(`CREATE TABLE IF NOT EXISTS ${TABLE} (
        camera_id integer PRIMARY KEY, lease_id text UNIQUE, login text, name text, rank text, service text, post text,
        priority integer, event_ref text, reason text, granted_at bigint, expires_at bigint, notified text)`);
    }).catch((e: unknown) => {
      this.schema = null;
      throw e;
    });
    return this.schema;
  }

  private async tx<T>(fn: (c: pg.PoolClient) => Promise<T>, changed: (r: T) => number | null): Promise<T> {
    await this.ensureSchema();
    const r = await inTransaction(this.pool, async (c) => {
      const r = await fn(c);
      const cam = changed(r);
      if (cam !== null) await c.query('SELECT pg_notify($1, $2)', [CHANNEL, `${this.instance}:${cam}`]);
      return r;
    });
    const cam = changed(r);
    if (cam !== null) queueMicrotask(() => this.listeners.emit(cam));
    return r;
  }

  private async lockCamera(c: pg.PoolClient, cameraId: number): Promise<Lease | null> {
    await c.query(`INSERT INTO ${TABLE} (camera_id) VALUES ($1) ON CONFLICT (camera_id) DO NOTHING`, [
      cameraId,
    ]);
    const r = await c.query<LeaseRow>(`${SELECT} WHERE camera_id = $1 FOR UPDATE`, [cameraId]);
    return rowToLease(r.rows[0]);
  }

  private async lockLease(c: pg.PoolClient, leaseId: string): Promise<Lease | null> {
    const r = await c.query<LeaseRow>(`${SELECT} WHERE lease_id = $1 FOR UPDATE`, [leaseId]);
    return rowToLease(r.rows[0]);
  }

  acquire(req: AcquireRequest): Promise<AcquireResult> {
    return this.tx(
      async (c) => {
        const d = decideAcquire(await this.lockCamera(c, req.cameraId), req);
        if (d.ok) {
          const set = LEASE_COLUMNS.map((col, i) => `${col} = $${i + 2}`).join(', ');
          await c.query(`UPDATE ${TABLE} SET ${set} WHERE camera_id = $1`, [
            req.cameraId,
            ...leaseValues(d.lease),
          ]);
        }
        return d;
      },
      (d) => (d.ok ? req.cameraId : null),
    );
  }

  extend(leaseId: string, expiresAt: number, now: number): Promise<Lease | null> {
    return this.tx(
      async (c) => {
        const cur = await this.lockLease(c, leaseId);
        if (!cur || cur.expiresAt <= now) return null;
        await c.query(`UPDATE ${TABLE} SET expires_at = $2 WHERE lease_id = $1`, [leaseId, expiresAt]);
        return { ...cur, expiresAt };
      },
      (l) => l?.cameraId ?? null,
    );
  }

  release(leaseId: string): Promise<Lease | null> {
    return this.tx(
      async (c) => {
        const cur = await this.lockLease(c, leaseId);
        if (cur) {
          const cleared = LEASE_COLUMNS.map((col) => `${col} = NULL`).join(', ');
          await c.query(`UPDATE ${TABLE} SET ${cleared} WHERE lease_id = $1`, [leaseId]);
        }
        return cur;
      },
      (l) => l?.cameraId ?? null,
    );
  }

  async current(cameraId: number, now: number): Promise<Lease | null> {
    await this.ensureSchema();
    const r = await this.pool.query<LeaseRow>(`${SELECT} WHERE camera_id = $1`, [cameraId]);
    const l = rowToLease(r.rows[0]);
    return l && l.expiresAt > now ? l : null;
  }

  async all(now: number): Promise<Lease[]> {
    await this.ensureSchema();
    const r = await this.pool.query<LeaseRow>(
      `${SELECT} WHERE lease_id IS NOT NULL AND expires_at > $1 ORDER BY camera_id`,
      [now],
    );
    return r.rows.map((row) => rowToLease(row)!);
  }

  onChange(listener: (cameraId: number) => void): () => void {
    return this.listeners.add(listener);
  }

  /** Resolves once the LISTEN connection is up (tests, and a post that wants to know). */
  whenListening(): Promise<void> {
    return this.listener.whenListening();
  }

  /** `<store instance>:<camera id>`; anything else on the channel is ignored. */
  private notified(payload: string | undefined): void {
    const m = /^([\w-]{1,64}):(\d{1,9})$/.exec(payload ?? '');
    if (!m || m[1] === this.instance) return;
    this.listeners.emit(Number(m[2]));
  }

  /** After a reconnection: notifications may have been missed, so every camera is re-read. */
  private async resync(): Promise<void> {
    try {
      const r = await this.pool.query<{ camera_id: number }>(`SELECT camera_id FROM ${TABLE}`);
      for (const row of r.rows) this.listeners.emit(Number(row.camera_id));
    } catch (e) {
      log.warn(`lease store re-read failed (${pgFailure(e)})`);
    }
  }

  async close(): Promise<void> {
    if (this.listener.name === 'closed') return;
    this.listeners.clear();
    await this.listener.close();
    await this.pool.end().catch(() => undefined);
  }
}
