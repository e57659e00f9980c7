/**
 * The posts' shared records on PostgreSQL (`--store postgres://…`): one pool and one LISTEN
 * connection per post, shared by every store that lives there. A change commits with a NOTIFY on
 * one channel, `<post instance>:<topic>:<key>`; every other post's store of that topic re-reads
 * that key. When the LISTEN connection comes back after a loss, every store reads all again before
 * its cache is trusted. TLS is the URL's (`sslmode=verify-full&sslrootcert=/etc/vigie/ca.pem`),
 * passed to the driver as is. The URL is never logged: errors are reduced to their code.
 */
import crypto from 'node:crypto';
import pg from 'pg';
import { createLogger } from '../log/logger';
import { PgListener, pgFailure } from './pg-listener';
import { inTransaction } from './pg-checkout';
import { pgPool } from './pg-pool';

const log = createLogger('store');
const CHANNEL = 'vigie_records';
const SCHEMA_LOCK = 0x76737472; // 'vstr': serialises CREATE TABLE between posts starting together
const PAYLOAD = /^([\w-]{1,64}):([a-z_]{1,32}):(.{1,200})$/s;

/** What a store of one topic does when another post changed one of its keys, or after a loss. */
export interface TopicReader {
  changed(key: string): void | Promise<void>;
  /** Reads everything again (the LISTEN connection came back; notifications may have been lost). */
  reread(): void | Promise<void>;
}

export class PgRecords {
  readonly pool: pg.Pool;
  private readonly instance = crypto.randomUUID();
  private readonly readers = new Map<string, TopicReader>();
  private readonly listener: PgListener;

  constructor(url: string) {
    this.pool = pgPool(url, { max: 6, what: 'shared store', log });
    this.listener = new PgListener({
      url,
      channel: CHANNEL,
      what: 'shared store listener',
      log,
      notified: (p) => this.notified(p),
      reconnected: () => this.rereadAll(),
    });
  }

  /** Connects, listens, and creates `schema` (once, whichever post starts first). */
  static async open(url: string, schema: string): Promise<PgRecords> {
    const r = new PgRecords(url);
    try {
      await r.tx(async (c) => {
        await c.query('SELECT pg_advisory_xact_lock($1)', [SCHEMA_LOCK]);
        await c.query(schema);
      });
      await r.listener.whenListening();
      return r;
    } catch (e) {
      await r.close();
      throw new Error(`shared store unreachable (${pgFailure(e)})`, { cause: e });
    }
  }

  /** Registers the store of `topic`: it hears other posts' changes of its keys. */
  subscribe(topic: string, reader: TopicReader): void {
    this.readers.set(topic, reader);
  }

  /** Follows `topic` as a whole: `read` runs now, and again on any change of it or after a loss. */
  async follow(topic: string, read: () => Promise<void>): Promise<void> {
    this.subscribe(topic, { changed: () => read(), reread: () => read() });
    await read();
  }

  /** Runs `fn` in a transaction; each `notify` key reaches the other posts when it commits. */
  async tx<T>(
    fn: (c: pg.PoolClient) => Promise<T>,
    notify: (r: T) => [string, string][] = () => [],
  ): Promise<T> {
    return inTransaction(this.pool, async (c) => {
      const r = await fn(c);
      for (const [topic, key] of notify(r))
        await c.query('SELECT pg_notify($1, $2)', [CHANNEL, `${this.instance}:${topic}:${key}`]);
      return r;
    });
  }

  private notified(payload: string | undefined): void {
    const m = PAYLOAD.exec(payload ?? '');
    if (!m || m[1] === this.instance) return;
    const reader = this.readers.get(m[2]!);
    if (!reader) return;
    Promise.resolve(reader.changed(m[3]!)).catch((e: unknown) =>
      log.warn(`shared ${m[2]} not re-read (${pgFailure(e)})`),
    );
  }

  private rereadAll(): void {
    for (const [topic, reader] of this.readers)
      Promise.resolve(reader.reread()).catch((e: unknown) =>
        log.warn(`shared ${topic} not re-read (${pgFailure(e)})`),
      );
  }

  whenListening(): Promise<void> {
    return this.listener.whenListening();
  }

  async close(): Promise<void> {
    this.readers.clear();
    await this.listener.close();
    await this.pool.end().catch(() => undefined);
  }
}
