/** The post's SQLite files, opened one way: durable, and waiting rather than failing on a busy file. */
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';

/**
 * Opens `file` in `dataDir`: a wait of `busyTimeoutMs` when another connection writes (set first,
 * so the switch to WAL waits too), WAL, every commit synced to disk, then `schema`.
 */
export function openDurableDb(
  dataDir: string,
  file: string,
  schema: string,
  busyTimeoutMs = 10_000,
): DatabaseSync {
  const db = new DatabaseSync(path.join(dataDir, file));
  db.exec(`PRAGMA busy_timeout = ${busyTimeoutMs};`);
  db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;');
  db.exec(schema);
  return db;
}
