/**
 * The post's durable outbox towards the CIC's registry (store-schema.ts explains the design). Each
 * entry the post chains is copied, in the same SQLite transaction, to `registry_outbox` in its
 * registry.db: once `append` returns, the entry is on disk twice (the post's chain and the outbox),
 * whether or not PostgreSQL answers. The pump reads the outbox in order and deletes what the
 * database has committed; the post's witness (the CIC chain's head it last wrote, signed) is kept
 * beside it.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { transaction } from '../../platform/storage/sqlite-transaction';
import type { Checkpoint, RegistryRow } from './registry-chain';

/** What the registry tells a mirror: its tables once the database is open, then each row it chains. */
export interface RegistryMirror {
  attach(db: DatabaseSync): void;
  /** Inside the append's transaction: a failure here rolls the append back. */
  written(db: DatabaseSync, row: RegistryRow): void;
  close(): void;
}

/** An outbox entry: the post's row as it was chained there, with its post and outbox number. */
export type OutboxEntry = Omit<RegistryRow, 'seq' | 'mac'> & { id: number; post: string };

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS registry_outbox (
    id INTEGER PRIMARY KEY AUTOINCREMENT, post TEXT NOT NULL, at TEXT NOT NULL, type TEXT NOT NULL,
    login TEXT NOT NULL, name TEXT NOT NULL, rank TEXT NOT NULL, service TEXT NOT NULL,
    camera_id INTEGER, surface TEXT, data TEXT NOT NULL);
  CREATE TABLE IF NOT EXISTS registry_store (
    id INTEGER PRIMARY KEY CHECK (id = 1), origin TEXT NOT NULL, witness TEXT);`;

const BUSY_TIMEOUT_MS = 10_000;

export class RegistryOutbox implements RegistryMirror {
  private db: DatabaseSync | null = null;

  constructor(
    private readonly dataDir: string,
    private readonly post: string,
    /** Told after each append's transaction (on the next turn): the pump's cue. */
    private readonly onWritten: () => void,
  ) {}

  attach(db: DatabaseSync): void {
    db.exec(SCHEMA);
    // One origin per outbox: a registry.db made again starts a new one, so its numbers never collide.
    db.prepare('INSERT OR IGNORE INTO registry_store (id, origin) VALUES (1, ?)').run(crypto.randomUUID());
  }

  written(db: DatabaseSync, r: RegistryRow): void {
    db.prepare(
      `INSERT INTO registry_outbox (post, at, type, login, name, rank, service, camera_id, surface, data)
       VALUES (?,?,?,?,?,?,?,?,?,?)`,
    ).run(this.post, r.at, r.type, r.login, r.name, r.rank, r.service, r.cameraId, r.surface, r.data);
    setImmediate(this.onWritten);
  }

  /** The pump's own connection (WAL: it reads while the registry appends). */
  private conn(): DatabaseSync {
    if (!this.db) {
      this.db = new DatabaseSync(path.join(this.dataDir, 'registry.db'));
      this.db.exec(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS};`);
    }
    return this.db;
  }

  origin(): string {
    return (this.conn().prepare('SELECT origin FROM registry_store WHERE id = 1').get() as { origin: string })
      .origin;
  }

  /** The oldest entries not yet in the database, in order. */
  next(limit: number): OutboxEntry[] {
    return this.conn()
      .prepare(
        `SELECT id, post, at, type, login, name, rank, service, camera_id AS cameraId, surface, data
         FROM registry_outbox ORDER BY id LIMIT ?`,
      )
      .all(limit) as unknown as OutboxEntry[];
  }

  /** The database committed every entry up to `lastId`: they leave the outbox, the witness moves. */
  done(lastId: number, witness: Checkpoint): void {
    const db = this.conn();
    transaction(db, () => {
      db.prepare('DELETE FROM registry_outbox WHERE id <= ?').run(lastId);
      db.prepare('UPDATE registry_store SET witness = ? WHERE id = 1').run(JSON.stringify(witness));
    });
  }

  queued(): number {
    return (this.conn().prepare('SELECT count(*) AS n FROM registry_outbox').get() as { n: number }).n;
  }

  close(): void {
    this.db?.close();
    this.db = null;
  }
}

/** The post's witness of the CIC's chain (undefined when it never wrote there), for verification. */
export function readWitness(dataDir: string): unknown {
  const file = path.join(dataDir, 'registry.db');
  if (!fs.existsSync(file)) return undefined;
  const db = new DatabaseSync(file, { readOnly: true });
  try {
    const t = db
      .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'registry_store'")
      .get();
    if (!t) return undefined;
    const w = db.prepare('SELECT witness FROM registry_store WHERE id = 1').get() as
      { witness: string | null } | undefined;
    return w?.witness ? (JSON.parse(w.witness) as unknown) : undefined;
  } catch {
    return null; // unreadable: verification says so
  } finally {
    db.close();
  }
}
