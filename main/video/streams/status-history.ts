/**
 * The cameras' status history, for the annual report's availability: only transitions (camera,
 * time, state, reason), in its own SQLite file in the data folder (WAL), from now on. A camera no
 * one watches has no stream: it is `idle`, not observed, so an unwatched camera never counts as down.
 *
 * Recording sits on the video path (the gateway's status callbacks): it never throws and never
 * waits. Transitions are queued and written on the next turn of the event loop; a write that fails
 * (full disk, read-only folder) is logged once and dropped, and the video keeps playing.
 */
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { OfflineReason, StreamState, StreamStatus } from '../../../common/contract';
import { transaction } from '../../platform/storage/sqlite-transaction';
import { createLogger } from '../../platform/log/logger';

const log = createLogger('status-history');

export const STATUS_HISTORY_FILE = 'status-history.db';

/** A camera's state: its streams' best state, or `idle` when no stream runs (no one asked for it). */
export type CameraState = StreamState | 'idle';

export interface Transition {
  cameraId: number;
  /** Epoch ms. */
  at: number;
  state: CameraState;
  reason: OfflineReason | null;
}

/** Best first: a camera plays if any of its streams plays. */
const RANK: Record<StreamState, number> = {
  playing: 0,
  stalled: 1,
  connecting: 2,
  reconnecting: 3,
  offline: 4,
};

/** One camera's state from its running streams' statuses (main/sub, each format). */
export function cameraState(statuses: StreamStatus[]): { state: CameraState; reason: OfflineReason | null } {
  let best: StreamStatus | null = null;
  for (const s of statuses) if (!best || RANK[s.state] < RANK[best.state]) best = s;
  return best
    ? { state: best.state, reason: best.state === 'offline' ? best.reason : null }
    : {
        state: 'idle',
        reason: null,
      };
}

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS transitions (
    id INTEGER PRIMARY KEY, camera_id INTEGER NOT NULL, at INTEGER NOT NULL,
    state TEXT NOT NULL, reason TEXT);
  CREATE INDEX IF NOT EXISTS transitions_at ON transitions(at);`;

type Phase = 'open' | 'broken' | 'closed';

/** Where the cameras' state changes are kept for the report (SQLite today). */
export interface StatusHistoryStore {
  record(cameraId: number, state: CameraState, reason: OfflineReason | null): void;
  close(): void;
}

export class StatusHistory implements StatusHistoryStore {
  private db: DatabaseSync | null = null;
  private phase: Phase = 'open';
  private readonly last = new Map<number, CameraState>();
  private queue: Transition[] = [];
  private flushing: NodeJS.Immediate | null = null;
  private failing = false;

  constructor(
    dataDir: string,
    private readonly now: () => number = Date.now,
  ) {
    try {
      const db = new DatabaseSync(path.join(dataDir, STATUS_HISTORY_FILE));
      db.exec('PRAGMA busy_timeout = 200; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;');
      db.exec(SCHEMA);
      this.db = db;
      // A camera left observed by a previous run that stopped without closing: idle from now on.
      const open = db
        .prepare(
          `SELECT t.camera_id AS cameraId, t.state FROM transitions t
           WHERE t.id = (SELECT MAX(id) FROM transitions u WHERE u.camera_id = t.camera_id)`,
        )
        .all() as { cameraId: number; state: CameraState }[];
      for (const r of open) this.last.set(r.cameraId, r.state);
      for (const r of open) if (r.state !== 'idle') this.record(r.cameraId, 'idle', null);
    } catch (e) {
      this.phase = 'broken';
      log.error('status history unavailable: availability will not be recorded', e);
    }
  }

  /** A camera's state as the gateway sees it; only a change is kept. Never throws. */
  record(cameraId: number, state: CameraState, reason: OfflineReason | null): void {
    if (this.phase !== 'open' || this.last.get(cameraId) === state) return;
    if (!this.last.has(cameraId) && state === 'idle') return;
    this.last.set(cameraId, state);
    this.queue.push({ cameraId, at: this.now(), state, reason });
    this.flushing ??= setImmediate(() => this.flush());
  }

  /** Writes the queued transitions in one transaction; a failure is logged and the batch dropped. */
  flush(): void {
    if (this.flushing) clearImmediate(this.flushing);
    this.flushing = null;
    const batch = this.queue;
    this.queue = [];
    const db = this.db;
    if (!db || batch.length === 0) return;
    try {
      transaction(db, () => {
        const insert = db.prepare('INSERT INTO transitions (camera_id, at, state, reason) VALUES (?,?,?,?)');
        for (const t of batch) insert.run(t.cameraId, t.at, t.state, t.reason);
      });
      if (this.failing) log.info('status history written again');
      this.failing = false;
    } catch (e) {
      if (!this.failing) log.error(`status history: ${batch.length} transition(s) not written`, e);
      this.failing = true;
    }
  }

  /** The post stops: every observed camera becomes idle, then the file closes. */
  close(): void {
    if (this.phase !== 'open') {
      this.phase = 'closed';
      return;
    }
    for (const [id, st] of this.last) if (st !== 'idle') this.record(id, 'idle', null);
    this.flush();
    this.phase = 'closed';
    try {
      this.db?.close();
    } catch {
      // already closed
    }
    this.db = null;
  }
}

/**
 * Read-only: the transitions of [fromMs, toMs), each camera's last one before `fromMs` first (its
 * state when the period opens). For the report job, which opens the file itself.
 */
export function readTransitions(dataDir: string, fromMs: number, toMs: number): Transition[] {
  let db: DatabaseSync;
  try {
    db = new DatabaseSync(path.join(dataDir, STATUS_HISTORY_FILE), { readOnly: true });
  } catch {
    return []; // no history yet: nothing observed
  }
  try {
    const cols = 'camera_id AS cameraId, at, state, reason';
    const before = db
      .prepare(
        `SELECT ${cols} FROM transitions t WHERE t.id = (SELECT MAX(id) FROM transitions u
         WHERE u.camera_id = t.camera_id AND u.at < ?)`,
      )
      .all(fromMs) as unknown as Transition[];
    const within = db
      .prepare(`SELECT ${cols} FROM transitions WHERE at >= ? AND at < ? ORDER BY at, id`)
      .all(fromMs, toMs) as unknown as Transition[];
    return [...before, ...within];
  } finally {
    db.close();
  }
}
