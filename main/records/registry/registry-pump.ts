/**
 * The pump from the post's outbox to the CIC's registry in PostgreSQL (store-schema.ts has the
 * design). Its link is an explicit state: `connecting` (until its first batch or failure),
 * `connected`, `outage` (the database is away or refuses: entries wait in the outbox and a retry is
 * due, with backoff), and `closed`. Each batch, in one transaction under the chain's advisory lock:
 * checks the header is this CIC's, skips what this outbox already delivered, reads the head, chains
 * the entries after it with their original time and post, and commits; then the outbox lets them go
 * and the post's witness moves to the new head. Errors are logged as codes, never with the address.
 */
import pg from 'pg';
import type { SharedRegistryView } from '../../../common/contract';
import { createLogger } from '../../platform/log/logger';
import { Listeners } from '../../platform/signal';
import { allowed, type Transitions } from '../../platform/state/transitions';
import { GENESIS, signCheckpoint, type ChainLink, type RegistryRow } from './registry-chain';
import { RegistryOutbox, type OutboxEntry, type RegistryMirror } from './registry-outbox';
import { StoreError, keyCheck, type StoreKeys } from './store-key';
import { CHAIN_LOCK, REGISTRY_TABLE, insertRows, storeMac, type StoreRow } from './store-schema';
import type { DatabaseSync } from 'node:sqlite';
import { inTransaction } from '../../platform/storage/pg-checkout';
import { pgPool } from '../../platform/storage/pg-pool';

const log = createLogger('registry-store');

export type StoreLinkName = 'connecting' | 'connected' | 'outage' | 'closed';
export const STORE_LINK_TRANSITIONS: Transitions<StoreLinkName> = {
  connecting: ['connected', 'outage', 'closed'],
  connected: ['outage', 'closed'],
  outage: ['connected', 'closed'],
  closed: [],
};

/** What the status area and the self-test read: the link, and how many entries wait on this post. */
export type StoreLinkView = SharedRegistryView;

type State =
  | { name: 'connecting' | 'connected' | 'closed' }
  | { name: 'outage'; since: string; reason: string; retryMs: number };

export interface PumpOptions {
  url: string;
  dataDir: string;
  post: string;
  keys: StoreKeys;
  /** Entries per transaction. */
  batch?: number;
  retryMinMs?: number;
  retryMaxMs?: number;
}

/** The failure's code, never its text (a driver's message may quote the connection string). */
export function storeFailure(e: unknown): string {
  if (e instanceof StoreError) return e.code;
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : e instanceof Error ? e.name : 'unknown';
}

export class RegistryPump implements RegistryMirror {
  private readonly outbox: RegistryOutbox;
  private readonly pool: pg.Pool;
  private s: State = { name: 'connecting' };
  private running: Promise<void> | null = null;
  private again = false;
  private retry: NodeJS.Timeout | null = null;
  private readonly listeners = new Listeners<StoreLinkView>((e) =>
    log.error('registry store listener failed', e),
  );

  constructor(private readonly o: PumpOptions) {
    this.outbox = new RegistryOutbox(o.dataDir, o.post, () => this.kick());
    this.pool = pgPool(o.url, { max: 2, what: 'registry store', log });
  }

  attach(db: DatabaseSync): void {
    this.outbox.attach(db);
    setImmediate(() => this.kick()); // what a previous run left in the outbox goes first
  }

  written(db: DatabaseSync, row: RegistryRow): void {
    this.outbox.written(db, row);
  }

  view(): StoreLinkView {
    const queued = this.s.name === 'closed' ? 0 : this.outbox.queued();
    const s = this.s;
    return s.name === 'outage'
      ? { state: 'outage', since: s.since, reason: s.reason, queued }
      : { state: s.name, queued };
  }

  /** Told when the link changes state (the count of waiting entries is read with view()). */
  onChange(listener: (v: StoreLinkView) => void): () => void {
    return this.listeners.add(listener);
  }

  /** Moves what waits now; resolves once the outbox is empty (true) or the database failed (false). */
  async flush(): Promise<boolean> {
    if (this.s.name === 'closed') return false;
    if (this.retry) clearTimeout(this.retry);
    this.retry = null;
    await this.running;
    this.kick(true);
    await this.running;
    return this.s.name === 'connected' && this.outbox.queued() === 0;
  }

  /** Moves what waits; during an outage only the retry timer and flush() try (`force`), not each append. */
  kick(force = false): void {
    if (this.s.name === 'closed' || (this.s.name === 'outage' && !force)) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain().finally(() => {
      this.running = null;
    });
  }

  async close(): Promise<void> {
    if (this.s.name === 'closed') return;
    this.move({ name: 'closed' });
    if (this.retry) clearTimeout(this.retry);
    await this.running;
    this.outbox.close();
    await this.pool.end().catch(() => undefined);
  }

  private async drain(): Promise<void> {
    try {
      do {
        this.again = false;
        for (;;) {
          if (this.s.name === 'closed') return;
          const entries = this.outbox.next(this.o.batch ?? 500);
          if (!entries.length) break;
          const head = await this.push(entries);
          this.outbox.done(entries.at(-1)!.id, signCheckpoint(this.o.keys, head));
        }
      } while (this.again);
      if (this.s.name === 'connecting' || this.s.name === 'outage') {
        if (this.s.name === 'outage') log.warn(`registry store back (outage since ${this.s.since})`);
        this.move({ name: 'connected' });
      }
    } catch (e) {
      if (this.s.name === 'closed') return;
      const reason = storeFailure(e);
      const min = this.o.retryMinMs ?? 250;
      const retryMs =
        this.s.name === 'outage' ? Math.min(this.s.retryMs * 2, this.o.retryMaxMs ?? 5_000) : min;
      if (this.s.name !== 'outage') {
        log.warn(`registry store unreachable (${reason}): entries wait in the post's outbox`);
        this.move({ name: 'outage', since: new Date().toISOString(), reason, retryMs });
      } else this.s = { ...this.s, reason, retryMs };
      // Not unref'd: a post waiting for its database is busy; close() clears it.
      this.retry = setTimeout(() => {
        this.retry = null;
        this.kick(true);
      }, retryMs);
    }
  }

  /** One transaction: the entries chained after the head; returns the new head. */
  private async push(entries: OutboxEntry[]): Promise<ChainLink> {
    return inTransaction(this.pool, async (c) => {
      await c.query('SELECT pg_advisory_xact_lock($1)', [CHAIN_LOCK]);
      const h = await c.query<{ cic: string; key_check: string }>(
        'SELECT cic, key_check FROM vigie_registry_cic WHERE id = 1',
      );
      const header = h.rows[0];
      if (!header) throw new StoreError('store_registry_absent');
      if (header.cic !== this.o.keys.cic || header.key_check !== keyCheck(this.o.keys))
        throw new StoreError('store_key_foreign');
      const origin = this.outbox.origin();
      const sent = await c.query<{ n: number }>(
        `SELECT coalesce(max(post_seq), 0)::float8 AS n FROM ${REGISTRY_TABLE} WHERE origin = $1`,
        [origin],
      );
      const last = await c.query<ChainLink>(
        `SELECT seq::float8 AS seq, mac FROM ${REGISTRY_TABLE} ORDER BY seq DESC LIMIT 1`,
      );
      const anchor = await c.query<ChainLink>('SELECT seq::float8 AS seq, mac FROM vigie_registry_anchor');
      let prev: ChainLink = last.rows[0] ?? anchor.rows[0] ?? { seq: 0, mac: GENESIS };
      const rows: StoreRow[] = [];
      for (const { id, ...e } of entries.filter((x) => x.id > (sent.rows[0]?.n ?? 0))) {
        const row = { ...e, seq: prev.seq + 1, origin, postSeq: id };
        const mac = storeMac(this.o.keys.macKey, prev.mac, row);
        rows.push({ ...row, mac });
        prev = { seq: row.seq, mac };
      }
      if (rows.length) {
        const insert = insertRows(rows);
        await c.query(insert.text, insert.values);
      }
      return prev;
    });
  }

  private move(next: State): void {
    if (!allowed(STORE_LINK_TRANSITIONS, this.s.name, next.name, { what: 'registry store link', log }))
      return;
    this.s = next;
    this.listeners.emit(this.view());
  }
}
