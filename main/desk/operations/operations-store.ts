/**
 * The post's special operations, in `operations.db` (SQLite, WAL) in the data directory: a small
 * list of its own; the registry only receives their entries. A row that a hand or a disk altered
 * into nonsense is skipped with a warning, never a stop of the post.
 */
import { DatabaseSync } from 'node:sqlite';
import {
  OPERATION_KINDS,
  OPERATION_STATES,
  type OperationState,
  type OperationView,
} from '../../../common/contract';
import { createLogger } from '../../platform/log/logger';
import type { CheckedOperation } from './operation-rules';
import { openDurableDb } from '../../platform/storage/durable-db';

const log = createLogger('operations');
const DAY = 24 * 3_600_000;

const COLUMNS =
  'id, name, kind, requester, legal_ref AS legalRef, cameras, preset, start_at AS startAt, planned_end AS plannedEnd, state, created_by AS createdBy, closed_at AS closedAt, closed_by AS closedBy';

function rowToView(r: Record<string, unknown>): OperationView | null {
  try {
    const cameras = JSON.parse(String(r.cameras)) as unknown;
    const str = (v: unknown): v is string => typeof v === 'string';
    if (
      typeof r.id !== 'number' ||
      !str(r.name) ||
      !OPERATION_KINDS.includes(r.kind as never) ||
      !OPERATION_STATES.includes(r.state as never) ||
      !str(r.requester) ||
      !str(r.legalRef) ||
      !str(r.startAt) ||
      !str(r.plannedEnd) ||
      Number.isNaN(Date.parse(r.startAt)) ||
      Number.isNaN(Date.parse(r.plannedEnd)) ||
      !Array.isArray(cameras) ||
      !cameras.every((c) => Number.isInteger(c) && c > 0)
    )
      return null;
    return {
      id: r.id,
      name: r.name,
      kind: r.kind as OperationView['kind'],
      requester: r.requester,
      legalRef: r.legalRef,
      cameras: cameras as number[],
      preset: str(r.preset) ? r.preset : null,
      startAt: r.startAt,
      plannedEnd: r.plannedEnd,
      state: r.state as OperationState,
      createdBy: str(r.createdBy) ? r.createdBy : '',
      closedAt: str(r.closedAt) ? r.closedAt : null,
      closedBy: str(r.closedBy) ? r.closedBy : null,
    };
  } catch {
    return null;
  }
}

/** Where the special operations are kept (SQLite today). */
export interface OperationStore {
  insert(op: CheckedOperation, createdBy: string): OperationView;
  get(id: number): OperationView | null;
  /** Every operation not closed: what the timer and the tags follow. */
  open(): OperationView[];
  /** Open ones, and those closed in the last day, newest first: what the panel lists. */
  recent(now: number): OperationView[];
  update(
    id: number,
    s: { state: OperationState; plannedEnd: string; closedAt?: string; closedBy?: string },
  ): void;
  close(): void;
}

export class SqliteOperationStore implements OperationStore {
  private readonly db: DatabaseSync;

  constructor(dataDir: string) {
    this.db = openDurableDb(
      dataDir,
      'operations.db',
      `
      CREATE TABLE IF NOT EXISTS operations (
        id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL, kind TEXT NOT NULL,
        requester TEXT NOT NULL, legal_ref TEXT NOT NULL, cameras TEXT NOT NULL, preset TEXT,
        start_at TEXT NOT NULL, planned_end TEXT NOT NULL, state TEXT NOT NULL,
        created_by TEXT NOT NULL, closed_at TEXT, closed_by TEXT);
      CREATE INDEX IF NOT EXISTS operations_state ON operations(state);
    `,
    );
  }

  private rows(sql: string, ...args: (string | number)[]): OperationView[] {
    const out: OperationView[] = [];
    for (const r of this.db.prepare(sql).all(...args)) {
      const v = rowToView(r);
      if (v) out.push(v);
      else log.warn(`operation row ${String(r.id)} is malformed: skipped`);
    }
    return out;
  }

  insert(op: CheckedOperation, createdBy: string): OperationView {
    const r = this.db
      .prepare(
        'INSERT INTO operations (name, kind, requester, legal_ref, cameras, preset, start_at, planned_end, state, created_by) VALUES (?,?,?,?,?,?,?,?,?,?)',
      )
      .run(
        op.name,
        op.kind,
        op.requester,
        op.legalRef,
        JSON.stringify(op.cameras),
        op.preset,
        op.startAt,
        op.plannedEnd,
        'scheduled',
        createdBy,
      );
    const view = this.get(Number(r.lastInsertRowid));
    if (!view) throw new Error('operation not stored');
    return view;
  }

  get(id: number): OperationView | null {
    return this.rows(`SELECT ${COLUMNS} FROM operations WHERE id = ?`, id)[0] ?? null;
  }

  /** Every operation not closed: what the timer and the tags follow. */
  open(): OperationView[] {
    return this.rows(`SELECT ${COLUMNS} FROM operations WHERE state != 'closed' ORDER BY id`);
  }

  /** Open ones, and those closed in the last day, newest first: what the panel lists. */
  recent(now: number): OperationView[] {
    const since = new Date(now - DAY).toISOString();
    return this.rows(
      `SELECT ${COLUMNS} FROM operations WHERE state != 'closed' OR closed_at >= ? ORDER BY id DESC LIMIT 200`,
      since,
    );
  }

  update(
    id: number,
    s: { state: OperationState; plannedEnd: string; closedAt?: string; closedBy?: string },
  ): void {
    this.db
      .prepare('UPDATE operations SET state = ?, planned_end = ?, closed_at = ?, closed_by = ? WHERE id = ?')
      .run(s.state, s.plannedEnd, s.closedAt ?? null, s.closedBy ?? null, id);
  }

  close(): void {
    this.db.close();
  }
}
