/**
 * The embedded lease store, for a single post: SQLite (`ptz-leases.sqlite` in the data directory),
 * one row per camera, each change in an IMMEDIATE transaction. `onChange` fires for this process's
 * own changes; another process on the same file is seen by the lease service's periodic re-read.
 */
import { transaction } from '../../platform/storage/sqlite-transaction';
import { DatabaseSync } from 'node:sqlite';
import { Listeners } from '../../platform/signal';
import { createLogger } from '../../platform/log/logger';
import {
  LEASE_COLUMNS,
  decideAcquire,
  leaseValues,
  rowToLease,
  type AcquireRequest,
  type LeaseRow,
} from './lease-rule';
import type { AcquireResult, Lease, LeaseStore } from './types';
import { openDurableDb } from '../../platform/storage/durable-db';

const log = createLogger('ptz-lease');
export const EMBEDDED_FILE = 'ptz-leases.sqlite';
const SELECT = `SELECT camera_id, ${LEASE_COLUMNS.join(', ')} FROM ptz_leases`;
const UPSERT = `INSERT INTO ptz_leases (camera_id, ${LEASE_COLUMNS.join(', ')}) VALUES (?${', ?'.repeat(LEASE_COLUMNS.length)})
  ON CONFLICT(camera_id) DO UPDATE SET ${LEASE_COLUMNS.map((c) => `${c} = excluded.${c}`).join(', ')}`;

export class SqliteLeaseStore implements LeaseStore {
  private readonly db: DatabaseSync;
  private readonly listeners = new Listeners<number>((e) => log.error('lease listener failed', e));
  private closed = false;

  constructor(dataDir: string) {
    this.db = openDurableDb(
      dataDir,
      EMBEDDED_FILE,
      `
      CREATE TABLE IF NOT EXISTS ptz_leases (
        camera_id INTEGER PRIMARY KEY, lease_id TEXT, login TEXT, name TEXT, rank TEXT, service TEXT, post TEXT,
        priority INTEGER, event_ref TEXT, reason TEXT, granted_at INTEGER, expires_at INTEGER, notified TEXT);
    `,
    );
  }

  private row(cameraId: number): Lease | null {
    return rowToLease(this.db.prepare(`${SELECT} WHERE camera_id = ?`).get(cameraId) as LeaseRow | undefined);
  }

  private changed(cameraId: number): void {
    queueMicrotask(() => this.listeners.emit(cameraId));
  }

  async acquire(req: AcquireRequest): Promise<AcquireResult> {
    const r = transaction(this.db, () => {
      const d = decideAcquire(this.row(req.cameraId), req);
      if (d.ok) this.db.prepare(UPSERT).run(req.cameraId, ...leaseValues(d.lease));
      return d;
    });
    if (r.ok) this.changed(req.cameraId);
    return r;
  }

  async extend(leaseId: string, expiresAt: number, now: number): Promise<Lease | null> {
    const l = transaction(this.db, () => {
      const cur = rowToLease(
        this.db.prepare(`${SELECT} WHERE lease_id = ?`).get(leaseId) as LeaseRow | undefined,
      );
      if (!cur || cur.expiresAt <= now) return null;
      this.db.prepare('UPDATE ptz_leases SET expires_at = ? WHERE lease_id = ?').run(expiresAt, leaseId);
      return { ...cur, expiresAt };
    });
    if (l) this.changed(l.cameraId);
    return l;
  }

  async release(leaseId: string): Promise<Lease | null> {
    const l = transaction(this.db, () => {
      const cur = rowToLease(
        this.db.prepare(`${SELECT} WHERE lease_id = ?`).get(leaseId) as LeaseRow | undefined,
      );
      if (cur) this.db.prepare('DELETE FROM ptz_leases WHERE lease_id = ?').run(leaseId);
      return cur;
    });
    if (l) this.changed(l.cameraId);
    return l;
  }

  async current(cameraId: number, now: number): Promise<Lease | null> {
    const l = this.row(cameraId);
    return l && l.expiresAt > now ? l : null;
  }

  async all(now: number): Promise<Lease[]> {
    const rows = this.db
      .prepare(`${SELECT} WHERE lease_id IS NOT NULL AND expires_at > ? ORDER BY camera_id`)
      .all(now);
    return (rows as unknown as LeaseRow[]).map((r) => rowToLease(r)!);
  }

  onChange(listener: (cameraId: number) => void): () => void {
    return this.listeners.add(listener);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.listeners.clear();
    this.db.close();
  }
}
