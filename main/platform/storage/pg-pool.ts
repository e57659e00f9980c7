/**
 * The one way a post opens a PostgreSQL pool (shared records, PTZ leases, the registry's pump): the
 * same timeouts everywhere, only the size differs. An idle connection cut by a server restart is
 * logged by its code, never by a message that may quote the URL, and never becomes an uncaught
 * `error` that would end the post.
 */
import pg from 'pg';
import type { Logger } from '../log/logger';
import { pgFailure } from './pg-errors';

const TIMEOUT_MS = 5_000;

export interface PgPoolOptions {
  max: number;
  /** Named in the log line when an idle connection is lost ("lease store"). */
  what: string;
  log: Logger;
}

export function pgPool(url: string, o: PgPoolOptions): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max: o.max,
    connectionTimeoutMillis: TIMEOUT_MS,
    idleTimeoutMillis: 10_000,
    statement_timeout: 2 * TIMEOUT_MS,
    query_timeout: 3 * TIMEOUT_MS,
  });
  pool.on('error', (e) => o.log.warn(`${o.what} connection lost (${pgFailure(e)})`));
  return pool;
}
