/**
 * Operator accounts in the CIC's shared PostgreSQL store. The database holds the truth; this post
 * answers reads from a copy of every account, loaded before the store is handed out and kept live:
 * each write here updates the copy with the row the database returns, and each other post's write
 * arrives by NOTIFY (the login) and is re-read. After a lost LISTEN connection the whole copy is
 * read again. Counters change in one `UPDATE … RETURNING` each, so attempts made on several posts
 * at once never read the same count.
 */
import type { OperatorView } from '../../../common/contract';
import type { PgRecords } from '../../platform/storage/pg-records';
import { toOperatorView, type Operator, type OperatorStore } from './operator-store';

const TOPIC = 'operators';
export const OPERATORS_SCHEMA = `CREATE TABLE IF NOT EXISTS vigie_operators (
  login text PRIMARY KEY, name text NOT NULL, rank text NOT NULL, service text NOT NULL, badge text NOT NULL,
  role text NOT NULL, valid_from text NOT NULL, valid_until text NOT NULL, granted_by text NOT NULL,
  password_hash text NOT NULL, failed_attempts integer NOT NULL DEFAULT 0, locked_until text,
  disabled_at text)`;
const COLUMNS = `login, name, rank, service, badge, role, valid_from AS "validFrom", valid_until AS "validUntil",
  granted_by AS "grantedBy", password_hash AS "passwordHash", failed_attempts AS "failedAttempts",
  locked_until AS "lockedUntil", disabled_at AS "disabledAt"`;

export class PgOperatorStore implements OperatorStore {
  private cache = new Map<string, Operator>();
  /**
   * Writes begun here, per login. A re-read that a write overtook keeps the write's row: that row
   * was returned after the other post's change committed, so it already holds it.
   */
  private readonly writes = new Map<string, number>();
  private readonly listeners = new Set<(login: string) => void>();

  private constructor(private readonly db: PgRecords) {}

  /** Reads every account, then follows the other posts' changes. */
  static async open(db: PgRecords): Promise<PgOperatorStore> {
    const s = new PgOperatorStore(db);
    db.subscribe(TOPIC, { changed: (login) => s.reread(login), reread: () => s.rereadAll() });
    await s.rereadAll();
    return s;
  }

  private async reread(login: string): Promise<void> {
    const before = this.writes.get(login);
    const r = await this.db.pool.query<Operator>(`SELECT ${COLUMNS} FROM vigie_operators WHERE login = $1`, [
      login,
    ]);
    if (this.writes.get(login) === before) this.keep(login, r.rows[0]);
  }

  private async rereadAll(): Promise<void> {
    const writes = new Map(this.writes);
    const r = await this.db.pool.query<Operator>(`SELECT ${COLUMNS} FROM vigie_operators`);
    const before = this.cache;
    this.cache = new Map(r.rows.map((o) => [o.login, o]));
    for (const [login, n] of this.writes) {
      if (writes.get(login) === n) continue;
      const mine = before.get(login);
      if (mine) this.cache.set(login, mine);
    }
    for (const login of new Set([...before.keys(), ...this.cache.keys()])) this.emit(login);
  }

  /** Keeps the row the database returned (none: the account is gone) and tells who listens. */
  private keep(login: string, row: Operator | undefined): void {
    if (row) this.cache.set(login, row);
    else this.cache.delete(login);
    this.emit(login);
  }

  private emit(login: string): void {
    for (const l of this.listeners) l(login);
  }

  /** One statement on the account, its new row kept here, the other posts told when it commits. */
  private async change(login: string, sql: string, args: unknown[]): Promise<Operator | undefined> {
    this.writes.set(login, (this.writes.get(login) ?? 0) + 1);
    const row = await this.db.tx(
      async (c) => (await c.query<Operator>(`${sql} RETURNING ${COLUMNS}`, args)).rows[0],
      (r) => (r ? [[TOPIC, login]] : []),
    );
    if (row) this.cache.set(login, row);
    return row;
  }

  get(login: string): Operator | undefined {
    const o = this.cache.get(login);
    return o && { ...o };
  }

  list(): OperatorView[] {
    return [...this.cache.values()].sort((a, b) => (a.login < b.login ? -1 : 1)).map(toOperatorView);
  }

  count(): number {
    return this.cache.size;
  }

  async upsert(o: Operator): Promise<void> {
    await this.change(
      o.login,
      `INSERT INTO vigie_operators (login, name, rank, service, badge, role, valid_from, valid_until, granted_by,
        password_hash, failed_attempts, locked_until, disabled_at) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13)
      ON CONFLICT (login) DO UPDATE SET name=excluded.name, rank=excluded.rank, service=excluded.service,
        badge=excluded.badge, role=excluded.role, valid_from=excluded.valid_from, valid_until=excluded.valid_until,
        granted_by=excluded.granted_by, password_hash=excluded.password_hash, failed_attempts=excluded.failed_attempts,
        locked_until=excluded.locked_until, disabled_at=excluded.disabled_at`,
      [
        ...[o.login, o.name, o.rank, o.service, o.badge, o.role, o.validFrom, o.validUntil, o.grantedBy],
        ...[o.passwordHash, o.failedAttempts, o.lockedUntil, o.disabledAt],
      ],
    );
  }

  /** The same rule as SQLite's: an expired block starts a new count. */
  async countAttempt(login: string, nowIso: string): Promise<number> {
    const row = await this.change(
      login,
      `UPDATE vigie_operators SET
        failed_attempts = CASE WHEN locked_until IS NOT NULL AND locked_until <= $1 THEN 1 ELSE failed_attempts + 1 END,
        locked_until = CASE WHEN locked_until IS NOT NULL AND locked_until <= $1 THEN NULL ELSE locked_until END
      WHERE login = $2`,
      [nowIso, login],
    );
    return row?.failedAttempts ?? 0;
  }

  async blockIfOver(login: string, max: number, untilIso: string): Promise<string | null> {
    const row = await this.change(
      login,
      `UPDATE vigie_operators SET locked_until = $1
      WHERE login = $2 AND failed_attempts >= $3 AND locked_until IS NULL`,
      [untilIso, login, max],
    );
    return row?.lockedUntil ?? null;
  }

  async clearFailures(login: string): Promise<void> {
    await this.change(
      login,
      'UPDATE vigie_operators SET failed_attempts = 0, locked_until = NULL WHERE login = $1',
      [login],
    );
  }

  async setDisabled(login: string, atIso: string | null): Promise<void> {
    await this.change(login, 'UPDATE vigie_operators SET disabled_at = $1 WHERE login = $2', [atIso, login]);
  }

  onChange(listener: (login: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The shared connection is closed by whoever opened it (main/app/stores.ts). */
  close(): void {
    this.listeners.clear();
  }
}
