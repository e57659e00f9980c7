/**
 * Incident reports in the CIC's shared PostgreSQL store. A report is inserted, recorded in the
 * registry (`record`), and committed in that order; if `record` throws, the insert is rolled back,
 * so neither exists without the other, as in SQLite. Its commit tells the other posts (NOTIFY with
 * its id): each reads it and pushes it to its consoles. Lists are read from the database.
 */
import type { IncidentFilter, IncidentInput, IncidentView } from '../../../common/contract';
import type { PgRecords } from '../../platform/storage/pg-records';
import type { RegistryActor } from '../../records/registry/registry';
import {
  dayEnd,
  dayStart,
  incidentView,
  LIST_LIMIT,
  type IncidentRow,
  type IncidentStore,
} from './incident-store';

const TOPIC = 'incidents';
export const INCIDENTS_SCHEMA = `CREATE TABLE IF NOT EXISTS vigie_incidents (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY, reported_at text NOT NULL, occurred_at text NOT NULL,
  category text NOT NULL, urgency text NOT NULL, cameras integer[] NOT NULL, description text NOT NULL,
  login text NOT NULL, name text NOT NULL, rank text NOT NULL, service text NOT NULL);
CREATE INDEX IF NOT EXISTS vigie_incidents_occurred ON vigie_incidents (occurred_at)`;

export class PgIncidentStore implements IncidentStore {
  private readonly listeners = new Set<(added: IncidentView) => void>();

  constructor(private readonly db: PgRecords) {
    // A report is only ever added: after a lost connection there is no copy to read again.
    db.subscribe(TOPIC, { changed: (id) => this.arrived(Number(id)), reread: () => undefined });
  }

  private async arrived(id: number): Promise<void> {
    if (!Number.isSafeInteger(id)) return;
    const added = await this.get(id);
    if (added) for (const l of this.listeners) l(added);
  }

  add(input: IncidentInput, by: RegistryActor, record: (added: IncidentView) => void): Promise<IncidentView> {
    return this.db.tx(
      async (c) => {
        const r = await c.query<IncidentRow>(
          `INSERT INTO vigie_incidents (reported_at, occurred_at, category, urgency, cameras, description,
            login, name, rank, service) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10) RETURNING *`,
          [
            new Date().toISOString(),
            new Date(input.occurredAt).toISOString(),
            ...[input.category, input.urgency, input.cameras, input.description],
            ...[by.login, by.name, by.rank, by.service],
          ],
        );
        const added = incidentView(r.rows[0]!);
        record(added);
        return added;
      },
      (added) => [[TOPIC, String(added.id)]],
    );
  }

  async get(id: number): Promise<IncidentView | null> {
    const r = await this.db.pool.query<IncidentRow>('SELECT * FROM vigie_incidents WHERE id = $1', [id]);
    return r.rows[0] ? incidentView(r.rows[0]) : null;
  }

  async list(f: IncidentFilter): Promise<IncidentView[]> {
    const where: string[] = [];
    const args: unknown[] = [];
    const add = (clause: (n: string) => string, arg: unknown): void => {
      args.push(arg);
      where.push(clause(`$${args.length}`));
    };
    if (f.category !== undefined) add((n) => `category = ${n}`, f.category);
    if (f.urgency !== undefined) add((n) => `urgency = ${n}`, f.urgency);
    if (f.cameraId !== undefined) add((n) => `${n} = ANY(cameras)`, f.cameraId);
    if (f.from !== undefined) add((n) => `occurred_at >= ${n}`, dayStart(f.from));
    if (f.to !== undefined) add((n) => `occurred_at <= ${n}`, dayEnd(f.to));
    const r = await this.db.pool.query<IncidentRow>(
      `SELECT * FROM vigie_incidents ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY occurred_at DESC, id DESC LIMIT ${LIST_LIMIT}`,
      args,
    );
    return r.rows.map(incidentView);
  }

  onAdded(listener: (added: IncidentView) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The shared connection is closed by whoever opened it (main/app/stores.ts). */
  close(): void {
    this.listeners.clear();
  }
}
