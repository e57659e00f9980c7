/**
 * The access registry: append-only SQLite (WAL, synchronous=FULL, triggers refuse UPDATE and
 * DELETE), every row chained by HMAC-SHA256 over the previous MAC. An append returns only once
 * the row is durable: nothing acknowledged is lost. Several processes may write it (the console
 * and the `vigie` CLI): each append takes the write lock and re-reads the head inside it.
 */
import { transaction } from '../../platform/storage/sqlite-transaction';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { RegistryHealthView } from '../../../common/contract';
import type { RegistryKeys } from './registry-key';
import {
  canonicalRow,
  filterWhere,
  ROWS,
  type RegistryActor,
  type RegistryFilter,
  type RegistryInput,
} from './registry-rows';
import { WriteHealth } from './registry-health';
import type { RegistryPump } from './registry-pump';
import {
  GENESIS,
  INIT_TYPE,
  PURGE_TYPE,
  checkpointSignatureValid,
  computeMac,
  signCheckpoint,
  verifyChain,
  type ChainLink,
  type Checkpoint,
  type RegistryRow,
  type VerifyResult,
} from './registry-chain';

export { computeMac, type Checkpoint, type RegistryRow, type VerifyResult } from './registry-chain';
export type { RegistryActor, RegistryFilter, RegistryInput } from './registry-rows';

/** How long a writer waits for another process's write to finish before giving up. */
const BUSY_TIMEOUT_MS = 10_000;

export class Registry {
  private readonly db: DatabaseSync;
  /** Writing, or unable to (disk full…): registry-health.ts. */
  private readonly health: WriteHealth;
  /** With `--store`: the CIC's registry, fed through the post's outbox (store-schema.ts). */
  readonly shared: RegistryPump | undefined;

  constructor(
    dataDir: string,
    /** Handed to the job runner's workers, which re-open the registry read-only. */
    readonly keys: RegistryKeys,
    o: { probeMs?: number; shared?: RegistryPump } = {},
  ) {
    this.shared = o.shared;
    this.health = new WriteHealth({
      writeAll: (entries) => transaction(this.db, () => entries.forEach((e) => this.insertNext(e))),
      ...o,
    });
    this.db = new DatabaseSync(path.join(dataDir, 'registry.db'));
    this.db.exec(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS};`);
    this.db.exec(`
      PRAGMA journal_mode = WAL;
      PRAGMA synchronous = FULL;
      CREATE TABLE IF NOT EXISTS registry (
        seq INTEGER PRIMARY KEY, at TEXT NOT NULL, type TEXT NOT NULL,
        login TEXT NOT NULL, name TEXT NOT NULL, rank TEXT NOT NULL, service TEXT NOT NULL,
        camera_id INTEGER, surface TEXT, data TEXT NOT NULL, mac TEXT NOT NULL);
      CREATE INDEX IF NOT EXISTS registry_at ON registry(at);
      CREATE INDEX IF NOT EXISTS registry_type ON registry(type);
      CREATE INDEX IF NOT EXISTS registry_login ON registry(login);
      CREATE INDEX IF NOT EXISTS registry_camera ON registry(camera_id);
      CREATE TABLE IF NOT EXISTS registry_anchor (id INTEGER PRIMARY KEY CHECK (id = 1), seq INTEGER NOT NULL, mac TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS registry_purge_gate (open INTEGER NOT NULL);
      CREATE TRIGGER IF NOT EXISTS registry_no_update BEFORE UPDATE ON registry
        BEGIN SELECT RAISE(ABORT, 'registry is append-only'); END;
      CREATE TRIGGER IF NOT EXISTS registry_no_delete BEFORE DELETE ON registry
        WHEN NOT EXISTS (SELECT 1 FROM registry_purge_gate WHERE open = 1)
        BEGIN SELECT RAISE(ABORT, 'registry is append-only'); END;
    `);
    this.shared?.attach(this.db);
    // A new key means a new registry: its first entry proves where the chain begins.
    if (keys.created)
      transaction(this.db, () => {
        if (!this.head()) this.insertNext({ type: INIT_TYPE });
      });
  }

  private anchor(): ChainLink | null {
    const a = this.db.prepare('SELECT seq, mac FROM registry_anchor WHERE id = 1').get();
    return (a as ChainLink | undefined) ?? null;
  }

  /** The last link, read from the database: another process may have appended since. */
  private head(): ChainLink | null {
    const h = this.db.prepare('SELECT seq, mac FROM registry ORDER BY seq DESC LIMIT 1').get();
    return (h as ChainLink | undefined) ?? this.anchor();
  }

  /**
   * Inside a write transaction: chains one row after the current head. What is MACed is what
   * SQLite stores and gives back: every text column is made canonical first (canonicalRow), and the
   * row as read back must verify before the transaction commits.
   */
  private insertNext(input: RegistryInput): RegistryRow {
    const prev = this.head() ?? { seq: 0, mac: GENESIS };
    const row = canonicalRow(prev.seq + 1, new Date().toISOString(), input);
    const mac = computeMac(this.keys.macKey, prev.mac, row);
    this.db
      .prepare(
        'INSERT INTO registry (seq, at, type, login, name, rank, service, camera_id, surface, data, mac) VALUES (?,?,?,?,?,?,?,?,?,?,?)',
      )
      .run(
        row.seq,
        row.at,
        row.type,
        row.login,
        row.name,
        row.rank,
        row.service,
        row.cameraId,
        row.surface,
        row.data,
        mac,
      );
    const back = this.db.prepare(`${ROWS} WHERE seq = ?`).get(row.seq) as unknown as RegistryRow;
    const { mac: _stored, ...stored } = back;
    if (computeMac(this.keys.macKey, prev.mac, stored) !== mac)
      throw new Error(`registry: entry ${row.seq} would not read back as it was MACed; nothing written`);
    this.shared?.written(this.db, { ...row, mac });
    return { ...row, mac };
  }

  /** Records one entry; while the registry cannot write, throws RegistryWriteError (the access is refused). */
  append(input: RegistryInput): RegistryRow {
    return this.health.write(() => transaction(this.db, () => this.insertNext(input)));
  }

  /** An end of access (end of viewing, logout, lock): never refused, written once the registry can. */
  appendLater(input: RegistryInput): void {
    this.health.later(input, (i) => transaction(this.db, () => this.insertNext(i)));
  }

  /** Whether an access may open now (an outage in progress is retried first). */
  canWrite(): boolean {
    return this.health.recover();
  }

  /** While it cannot write: the reason, as the refusal's parameters. */
  unableReason(): { reason: string } | undefined {
    const v = this.health.view();
    return v.state === 'unable' ? { reason: v.reason } : undefined;
  }

  /** Whether it can write, and with `--store` the link to the CIC's registry. */
  healthView(): RegistryHealthView {
    const v = this.health.view();
    return this.shared ? { ...v, shared: this.shared.view() } : v;
  }

  onHealth(listener: (v: RegistryHealthView) => void): () => void {
    const tell = (): void => listener(this.healthView());
    const offs = [this.health.onChange(tell), this.shared?.onChange(tell)];
    return () => offs.forEach((off) => off?.());
  }

  query(f: RegistryFilter = {}): RegistryRow[] {
    const { sql: where, args } = filterWhere(f);
    const sql = `${ROWS} ${where} ORDER BY seq ${f.limit ? `DESC LIMIT ${Math.floor(f.limit)}` : 'ASC'}`;
    const rows = this.db.prepare(sql).all(...args) as unknown as RegistryRow[];
    return f.limit ? rows.reverse() : rows;
  }

  /** Re-computes the whole chain from one snapshot; names the first row that does not match. */
  verify(checkpoint?: unknown): VerifyResult {
    return transaction(
      this.db,
      () =>
        verifyChain(
          this.keys,
          this.anchor(),
          this.db.prepare(`${ROWS} ORDER BY seq`).iterate() as Iterable<RegistryRow>,
          checkpoint,
        ),
      'DEFERRED',
    );
  }

  checkpoint(): Checkpoint {
    return signCheckpoint(this.keys, this.head() ?? { seq: 0, mac: GENESIS });
  }

  checkpointSignatureValid(c: Checkpoint): boolean {
    return checkpointSignatureValid(this.keys, c);
  }

  /**
   * Retention: removes rows older than `before` and anchors the chain at the last one removed. The
   * chained purge entry that names the anchor is written in the same transaction: an anchor without
   * it is a forgery.
   */
  purge(before: string, actor: RegistryActor | null): number {
    return this.health.write(() => this.purgeNow(before, actor));
  }

  private purgeNow(before: string, actor: RegistryActor | null): number {
    return transaction(this.db, () => {
      const last = this.db
        .prepare('SELECT seq, mac FROM registry WHERE at < ? ORDER BY seq DESC LIMIT 1')
        .get(before) as ChainLink | undefined;
      if (!last) return 0;
      this.db.prepare('INSERT INTO registry_purge_gate (open) VALUES (1)').run();
      const removed = Number(this.db.prepare('DELETE FROM registry WHERE seq <= ?').run(last.seq).changes);
      this.db.prepare('DELETE FROM registry_purge_gate').run();
      this.db
        .prepare('INSERT OR REPLACE INTO registry_anchor (id, seq, mac) VALUES (1, ?, ?)')
        .run(last.seq, last.mac);
      this.insertNext({
        type: PURGE_TYPE,
        actor,
        data: { before, removed, anchorSeq: last.seq, anchorMac: last.mac },
      });
      return removed;
    });
  }

  /**
   * After a crash, viewing sessions left open are closed honestly, marked interrupted. Only the
   * previous run's entries can hold them (each start closes those before it), and a session's
   * entries are grouped once: a year of registry does not delay the post's start.
   */
  closeOrphanViews(): number {
    const previousStart = this.db
      .prepare(`SELECT seq FROM registry WHERE type = 'app.start' ORDER BY seq DESC LIMIT 1 OFFSET 1`)
      .get() as { seq: number } | undefined;
    const rows = this.db
      .prepare(
        `SELECT login, name, rank, service, camera_id AS cameraId, surface, viewId FROM (
          SELECT seq, type, login, name, rank, service, camera_id, surface, json_extract(data, '$.viewId') AS viewId
          FROM registry WHERE seq > ? AND +type IN ('view.start', 'view.end'))
        WHERE viewId IS NOT NULL GROUP BY viewId
        HAVING sum(type = 'view.end') = 0 ORDER BY min(seq)`,
      )
      .all(previousStart?.seq ?? 0) as unknown as (RegistryActor & {
      cameraId: number | null;
      surface: string | null;
      viewId: string;
    })[];
    for (const r of rows) {
      this.appendLater({
        type: 'view.end',
        actor: r,
        cameraId: r.cameraId,
        surface: r.surface,
        data: { viewId: r.viewId, interrupted: true },
      });
    }
    return rows.length;
  }

  close(): void {
    this.health.stop();
    void this.shared?.close();
    this.db.close();
  }
}
