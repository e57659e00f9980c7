/**
 * The worker's side of the registry: its own read-only connection (WAL lets it read while main
 * appends), one snapshot per job, and progress measured along the entry numbers.
 */
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { ChainLink } from './registry-chain';

export function openRegistryReadOnly(dataDir: string): DatabaseSync {
  const db = new DatabaseSync(path.join(dataDir, 'registry.db'), { readOnly: true });
  db.exec('PRAGMA busy_timeout = 10000;');
  return db;
}

/** Runs `f` on one consistent snapshot of the registry, then closes the connection. */
export async function withSnapshot<R>(dataDir: string, f: (db: DatabaseSync) => R | Promise<R>): Promise<R> {
  const db = openRegistryReadOnly(dataDir);
  try {
    db.exec('BEGIN DEFERRED');
    try {
      return await f(db);
    } finally {
      db.exec('COMMIT');
    }
  } finally {
    db.close();
  }
}

export function anchorOf(db: DatabaseSync): ChainLink | null {
  return (
    (db.prepare('SELECT seq, mac FROM registry_anchor WHERE id = 1').get() as ChainLink | undefined) ?? null
  );
}

/** Maps an entry number to 0…1 over the registry's current span, for progress. */
export function seqProgress(db: DatabaseSync): (seq: number) => number {
  const r = db.prepare('SELECT min(seq) AS lo, max(seq) AS hi FROM registry').get() as {
    lo: number | null;
    hi: number | null;
  };
  const lo = r.lo ?? 0;
  const span = Math.max(1, (r.hi ?? 0) - lo);
  return (seq) => (seq - lo) / span;
}

/** `WHERE …` of a filter with one more condition. */
export const and = (where: string, cond: string): string =>
  where ? `${where} AND ${cond}` : `WHERE ${cond}`;
