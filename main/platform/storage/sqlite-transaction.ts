/** One SQLite transaction: BEGIN, then COMMIT, or ROLLBACK and rethrow. Used by every embedded store. */
import type { DatabaseSync } from 'node:sqlite';

export function transaction<T>(
  db: DatabaseSync,
  fn: () => T,
  mode: 'IMMEDIATE' | 'DEFERRED' = 'IMMEDIATE',
): T {
  db.exec(`BEGIN ${mode}`);
  try {
    const r = fn();
    db.exec('COMMIT');
    return r;
  } catch (e) {
    try {
      db.exec('ROLLBACK');
    } catch {
      // SQLite already rolled back (e.g. after a disk error): nothing left to undo.
    }
    throw e;
  }
}
