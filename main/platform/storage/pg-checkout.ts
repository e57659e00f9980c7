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
