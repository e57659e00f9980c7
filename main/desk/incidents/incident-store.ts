/**
 * The incident reports ("signalements") filed at this post, for listing and filtering: a small
 * SQLite store (`incidents.db` in the data directory). The registry holds the record; a report is
 * added in one transaction with its registry entry, so neither exists without the other.
 */
import { DatabaseSync, type SQLInputValue } from 'node:sqlite';
import type { IncidentFilter, IncidentInput, IncidentView, Urgency } from '../../../common/contract';
import { transaction } from '../../platform/storage/sqlite-transaction';
import type { RegistryActor } from '../../records/registry/registry';
import type { Awaitable } from '../../platform/storage/awaitable';
import { openDurableDb } from '../../platform/storage/durable-db';

export const INCIDENTS_FILE = 'incidents.db';
/** A list shows the newest reports first, this many at most. */
export const LIST_LIMIT = 500;

export interface IncidentRow {
  id: number;
  reported_at: string;
  occurred_at: string;
  category: string;
  urgency: Urgency;
  /** JSON text in SQLite, an integer[] in PostgreSQL. */
  cameras: string | number[];
  description: string;
  login: string;
  name: string;
  rank: string;
  service: string;
}

export const incidentView = (r: IncidentRow): IncidentView => ({
  id: r.id,
  reportedAt: r.reported_at,
  occurredAt: r.occurred_at,
  category: r.category,
  urgency: r.urgency,
  cameras: typeof r.cameras === 'string' ? (JSON.parse(r.cameras) as number[]) : r.cameras,
  description: r.description,
  reporter: { login: r.login, name: r.name, rank: r.rank, service: r.service },
});

/** Local calendar days (the operator's), as the registry's filter reads them. */
export const dayStart = (d: string): string => new Date(`${d}T00:00:00`).toISOString();
export const dayEnd = (d: string): string => new Date(`${d}T23:59:59.999`).toISOString();

/**
 * Where the incident reports are kept: the post's SQLite (answers at once, as before), or the CIC's
 * shared PostgreSQL (pg-incident-store.ts, answers with a promise; the handlers return it).
 */
export interface IncidentStore {
  /** Adds a report; `record` runs inside the same transaction (the registry entry) and may throw. */
  add(
    input: IncidentInput,
    by: RegistryActor,
    record: (added: IncidentView) => void,
  ): Awaitable<IncidentView>;
  get(id: number): Awaitable<IncidentView | null>;
  list(f: IncidentFilter): Awaitable<IncidentView[]>;
  /** A report filed on another post (shared store only). */
  onAdded?(listener: (added: IncidentView) => void): () => void;
  close(): void;
}

export class SqliteIncidentStore implements IncidentStore {
  private readonly db: DatabaseSync;

  constructor(dataDir: string) {
    this.db = openDurableDb(
      dataDir,
      INCIDENTS_FILE,
      `
      CREATE TABLE IF NOT EXISTS incidents (
        id INTEGER PRIMARY KEY, reported_at TEXT NOT NULL, occurred_at TEXT NOT NULL, category TEXT NOT NULL,
        urgency TEXT NOT NULL, cameras TEXT NOT NULL, description TEXT NOT NULL,
        login TEXT NOT NULL, name TEXT NOT NULL, rank TEXT NOT NULL, service TEXT NOT NULL);
      CREATE INDEX IF NOT EXISTS incidents_occurred ON incidents(occurred_at);
    `,
    );
  }

  /** Adds a report; `record` runs inside the transaction (the registry entry) and may throw. */
  add(input: IncidentInput, by: RegistryActor, record: (added: IncidentView) => void): IncidentView {
    return transaction(this.db, () => {
      const occurredAt = new Date(input.occurredAt).toISOString();
      const r = this.db
        .prepare(
          `INSERT INTO incidents (reported_at, occurred_at, category, urgency, cameras, description, login, name, rank, service)
           VALUES (?,?,?,?,?,?,?,?,?,?)`,
        )
        .run(
          new Date().toISOString(),
          occurredAt,
          input.category,
          input.urgency,
          JSON.stringify(input.cameras),
          input.description,
          by.login,
          by.name,
          by.rank,
          by.service,
        );
      const added = this.get(Number(r.lastInsertRowid));
      if (!added) throw new Error('incident not read back');
      record(added);
      return added;
    });
  }

  get(id: number): IncidentView | null {
    const row = this.db.prepare('SELECT * FROM incidents WHERE id = ?').get(id) as unknown as
      IncidentRow | undefined;
    return row ? incidentView(row) : null;
  }

  list(f: IncidentFilter): IncidentView[] {
    const where: string[] = [];
    const args: SQLInputValue[] = [];
    const add = (clause: string, arg: SQLInputValue): void => {
      where.push(clause);
      args.push(arg);
    };
    if (f.category !== undefined) add('category = ?', f.category);
    if (f.urgency !== undefined) add('urgency = ?', f.urgency);
    if (f.cameraId !== undefined)
      add('EXISTS (SELECT 1 FROM json_each(incidents.cameras) WHERE value = ?)', f.cameraId);
    if (f.from !== undefined) add('occurred_at >= ?', dayStart(f.from));
    if (f.to !== undefined) add('occurred_at <= ?', dayEnd(f.to));
    const sql = `SELECT * FROM incidents ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY occurred_at DESC, id DESC LIMIT ${LIST_LIMIT}`;
    return (this.db.prepare(sql).all(...args) as unknown as IncidentRow[]).map(incidentView);
  }

  close(): void {
    this.db.close();
  }
}
