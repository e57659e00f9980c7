/**
 * A client taken from a pool for a transaction. While it is checked out, pg-pool removes its own
 * error listener, so a server that goes away mid-transaction (pg_ctl stop, a network cut) would
 * emit an `error` nobody hears, and Node would end the post. Here the query under way rejects
 * with that failure, which its caller handles; the event itself is heard, and dropped.
 */
import type pg from 'pg';

export async function checkout(pool: pg.Pool): Promise<pg.PoolClient> {
  const c = await pool.connect();
  const heard = (): void => undefined;
  c.on('error', heard);
  const release = c.release.bind(c);
  c.release = (destroy?: Error | boolean) => {
    c.removeListener('error', heard);
    release(destroy);
  };
  return c;
}

export interface TransactionOptions {
  /** The statement that opens it (`BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY`). */
  begin?: string | undefined;
  /** Told when the ROLLBACK itself failed: the connection is no longer fit to be reused. */
  broken?: () => void;
}

/**
 * `fn` between BEGIN and COMMIT on a client of one's own; on any failure, ROLLBACK (its own failure
 * swallowed) and the first failure rethrown as it came, for the caller's error mapping (pg-errors.ts).
 */
export async function clientTransaction<T>(
  c: pg.ClientBase,
  fn: (c: pg.ClientBase) => Promise<T>,
  o: TransactionOptions = {},
): Promise<T> {
  try {
    await c.query(o.begin ?? 'BEGIN');
    const r = await fn(c);
    await c.query('COMMIT');
    return r;
  } catch (e) {
    await c.query('ROLLBACK').catch(() => o.broken?.());
    throw e;
  }
}

/**
 * `fn` in a transaction on a client checked out of `pool` (so a server lost mid-way never crashes
 * the post), released afterwards; a client whose ROLLBACK failed is destroyed, not reused.
 */
export async function inTransaction<T>(
  pool: pg.Pool,
  fn: (c: pg.PoolClient) => Promise<T>,
  begin?: string,
): Promise<T> {
  const c = await checkout(pool);
  let broken = false;
  try {
    return await clientTransaction(c, () => fn(c), {
      begin,
      broken: () => {
        broken = true;
      },
    });
  } finally {
    c.release(broken);
  }
}
