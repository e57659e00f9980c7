/** Operator accounts (SQLite): identity, role, authorisation validity, lockout counters. */
import { DatabaseSync } from 'node:sqlite';
import type { OperatorView } from '../../../common/contract';
import type { Awaitable } from '../../platform/storage/awaitable';
import { openDurableDb } from '../../platform/storage/durable-db';

/** A stored account: what the contract shows, plus its password hash. */
export type Operator = OperatorView & { passwordHash: string };

export const toOperatorView = ({ passwordHash: _h, ...v }: Operator): OperatorView => v;

/**
 * Where the accounts and their failed attempts are kept: the post's SQLite, or the CIC's shared
 * PostgreSQL (pg-operator-store.ts). Reads answer at once: the shared store answers from a copy
 * of every account kept live by LISTEN/NOTIFY, because the rights check runs on every call and
 * must not wait on the network. Writes may answer later (the shared store's do); every counter
 * change is one SQL statement on the database, so attempts on several posts never read the same
 * count. SQLite answers writes at once, so a single post runs exactly as before.
 */
export interface OperatorStore {
  get(login: string): Operator | undefined;
  list(): OperatorView[];
  count(): number;
  upsert(o: Operator): Awaitable<void>;
  /** Counts one attempt before its password is checked, atomically; returns the new count. */
  countAttempt(login: string, nowIso: string): Awaitable<number>;
  /** Blocks the account once its count reaches `max`; returns the end of a block it just set. */
  blockIfOver(login: string, max: number, untilIso: string): Awaitable<string | null>;
  /** A right password: the count starts again. */
  clearFailures(login: string): Awaitable<void>;
  /** Disables the account from `atIso`, or enables it (null). */
  setDisabled(login: string, atIso: string | null): Awaitable<void>;
  /** Another post changed this account (shared store only): its sessions here are re-checked. */
  onChange?(listener: (login: string) => void): () => void;
  close(): void;
}

export class SqliteOperatorStore implements OperatorStore {
  private readonly db: DatabaseSync;

  constructor(dataDir: string) {
    // The `vigie operators` CLI may write while the console runs: wait for its lock, never fail.
    this.db = openDurableDb(
      dataDir,
      'operators.db',
      `
      CREATE TABLE IF NOT EXISTS operators (
        login TEXT PRIMARY KEY, name TEXT NOT NULL, rank TEXT NOT NULL, service TEXT NOT NULL, badge TEXT NOT NULL,
        role TEXT NOT NULL, valid_from TEXT NOT NULL, valid_until TEXT NOT NULL, granted_by TEXT NOT NULL,
        password_hash TEXT NOT NULL, failed_attempts INTEGER NOT NULL DEFAULT 0, locked_until TEXT,
        disabled_at TEXT);
    `,
    );
    // A post set up before accounts could be disabled: the column is added, every account enabled.
    const columns = this.db.prepare('PRAGMA table_info(operators)').all() as { name: string }[];
    if (!columns.some((c) => c.name === 'disabled_at'))
      this.db.exec('ALTER TABLE operators ADD COLUMN disabled_at TEXT');
  }

  get(login: string): Operator | undefined {
    const r = this.db
      .prepare(
        `SELECT login, name, rank, service, badge, role, valid_from AS validFrom, valid_until AS validUntil,
      granted_by AS grantedBy, password_hash AS passwordHash, failed_attempts AS failedAttempts, locked_until AS lockedUntil,
      disabled_at AS disabledAt
      FROM operators WHERE login = ?`,
      )
      .get(login);
    return r as unknown as Operator | undefined;
  }

  list(): OperatorView[] {
    const rows = this.db.prepare('SELECT login FROM operators ORDER BY login').all() as { login: string }[];
    return rows.map((r) => toOperatorView(this.get(r.login)!));
  }

  count(): number {
    return Number((this.db.prepare('SELECT COUNT(*) AS n FROM operators').get() as { n: number }).n);
  }

  upsert(o: Operator): void {
    this.db
      .prepare(
        `INSERT INTO operators (login, name, rank, service, badge, role, valid_from, valid_until, granted_by, password_hash, failed_attempts, locked_until, disabled_at)
      VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)
      ON CONFLICT(login) DO UPDATE SET name=excluded.name, rank=excluded.rank, service=excluded.service, badge=excluded.badge,
        role=excluded.role, valid_from=excluded.valid_from, valid_until=excluded.valid_until, granted_by=excluded.granted_by,
        password_hash=excluded.password_hash, failed_attempts=excluded.failed_attempts, locked_until=excluded.locked_until,
        disabled_at=excluded.disabled_at`,
      )
      .run(
        o.login,
        o.name,
        o.rank,
        o.service,
        o.badge,
        o.role,
        o.validFrom,
        o.validUntil,
        o.grantedBy,
        o.passwordHash,
        o.failedAttempts,
        o.lockedUntil,
        o.disabledAt,
      );
  }

  /**
   * Counts one login attempt before its password is checked, atomically in SQL: parallel attempts
   * cannot read the same count. An expired block starts a new count. Returns the new count.
   */
  countAttempt(login: string, nowIso: string): number {
    const r = this.db
      .prepare(
        `UPDATE operators SET
          failed_attempts = CASE WHEN locked_until IS NOT NULL AND locked_until <= ?1 THEN 1 ELSE failed_attempts + 1 END,
          locked_until = CASE WHEN locked_until IS NOT NULL AND locked_until <= ?1 THEN NULL ELSE locked_until END
        WHERE login = ?2 RETURNING failed_attempts AS n`,
      )
      .get(nowIso, login) as { n: number } | undefined;
    return Number(r?.n ?? 0);
  }

  /** Blocks the account once its count reaches `max`; returns the end of a block it just set. */
  blockIfOver(login: string, max: number, untilIso: string): string | null {
    const r = this.db
      .prepare(
        `UPDATE operators SET locked_until = ? WHERE login = ? AND failed_attempts >= ? AND locked_until IS NULL
        RETURNING locked_until AS until`,
      )
      .get(untilIso, login, max) as { until: string } | undefined;
    return r?.until ?? null;
  }

  /** A right password: the count starts again. */
  clearFailures(login: string): void {
    this.db
      .prepare('UPDATE operators SET failed_attempts = 0, locked_until = NULL WHERE login = ?')
      .run(login);
  }

  /** Disables the account from `atIso`, or enables it (null). */
  setDisabled(login: string, atIso: string | null): void {
    this.db.prepare('UPDATE operators SET disabled_at = ? WHERE login = ?').run(atIso, login);
  }

  close(): void {
    this.db.close();
  }
}
