/**
 * The CIC's one registry in PostgreSQL (`--store postgres://…`), for several posts.
 *
 * Design:
 * - Every append on a post is first written, in the same SQLite transaction as the post's own chained
 *   entry, to a durable local OUTBOX (`registry_outbox` in the post's registry.db). The synchronous
 *   append interface and its callers are unchanged, and a database outage loses nothing.
 * - A pump (registry-pump.ts) moves outbox entries in order, with their original time, their post and
 *   their outbox number, into ONE chain in `vigie_registry`. Appends are serialised by the database:
 *   each batch runs in a transaction holding an advisory lock, reads the head, and chains after it.
 *   `(origin, post_seq)` is unique, and a batch skips what the database already holds from this
 *   outbox, so a crash between the commit and the local delete never duplicates an entry.
 * - Every row is MACed (HMAC-SHA256) over the previous row's MAC with the CIC's shared key, which
 *   never enters the database (store-key.ts): an edited row, even by a superuser, a missing row, and
 *   so all of one post's rows deleted, break the chain. The first row is `registry.init`: an emptied
 *   or re-created registry is detected, and a registry made with another key is `wiped`.
 * - Each post keeps a WITNESS: the head it last wrote, signed with the CIC's key, in its own
 *   registry.db. Verification checks it like a checkpoint, so a truncated tail or a re-created
 *   registry is detected by any post that wrote after the lost entries, with no checkpoint file.
 * - The writers' role may only SELECT and INSERT (ROLES_SQL); retention runs under its own role.
 */
import pg from 'pg';
import { clientTransaction } from '../../platform/storage/pg-checkout';
import { chainMac, entryFields, type RegistryRow } from './registry-chain';
import { StoreError } from './store-key';

export const REGISTRY_TABLE = 'vigie_registry';
/** Serialises every append to the CIC's chain, and the schema's creation. */
export const CHAIN_LOCK = 0x76726567; // 'vreg'

/** A row of the CIC's chain: a post's row, plus where it came from. */
export type StoreRow = RegistryRow & {
  post: string;
  /** The outbox it came through (one per post's registry.db), and its number there. */
  origin: string;
  postSeq: number;
};

export const STORE_ROWS = `SELECT seq::float8 AS seq, post, origin, post_seq::float8 AS "postSeq", at, type, login, name,
  rank, service, camera_id AS "cameraId", surface, data, mac FROM ${REGISTRY_TABLE}`;

export const SCHEMA_SQL = `
  CREATE TABLE vigie_registry_cic (
    id integer PRIMARY KEY CHECK (id = 1), cic text NOT NULL, key_check text NOT NULL, created_at text NOT NULL);
  CREATE TABLE ${REGISTRY_TABLE} (
    seq bigint PRIMARY KEY, post text NOT NULL, origin text NOT NULL, post_seq bigint NOT NULL,
    at text NOT NULL, type text NOT NULL, login text NOT NULL, name text NOT NULL, rank text NOT NULL,
    service text NOT NULL, camera_id integer, surface text, data text NOT NULL, mac text NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now(), UNIQUE (origin, post_seq));
  CREATE INDEX vigie_registry_at ON ${REGISTRY_TABLE} (at);
  CREATE INDEX vigie_registry_post ON ${REGISTRY_TABLE} (post);
  CREATE TABLE vigie_registry_anchor (id integer PRIMARY KEY CHECK (id = 1), seq bigint NOT NULL, mac text NOT NULL);
  REVOKE ALL ON vigie_registry_cic, ${REGISTRY_TABLE}, vigie_registry_anchor FROM PUBLIC;`;

/** The roles, as the README gives them: run once by the tables' owner, passwords of your own. */
export const ROLES_SQL = `CREATE ROLE vigie_post LOGIN PASSWORD 'change-me';
GRANT SELECT, INSERT ON vigie_registry TO vigie_post;
GRANT SELECT ON vigie_registry_cic, vigie_registry_anchor TO vigie_post;
CREATE ROLE vigie_purge LOGIN PASSWORD 'change-me-too';
GRANT SELECT, INSERT, DELETE ON vigie_registry TO vigie_purge;
GRANT SELECT, INSERT, UPDATE ON vigie_registry_anchor TO vigie_purge;
GRANT SELECT ON vigie_registry_cic TO vigie_purge;`;

/**
 * One client for one command (join, purge, verify, checkpoint): a store that cannot be reached is
 * `store_unreachable`, never the driver's message (it may quote the URL); the client always ends.
 */
export async function withStoreClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  try {
    await c.connect();
  } catch {
    throw new StoreError('store_unreachable');
  }
  try {
    return await fn(c);
  } finally {
    await c.end().catch(() => undefined);
  }
}

/** Creates the tables if they are absent, without needing CREATE when they exist (a post's role). */
export async function ensureSchema(c: pg.ClientBase): Promise<void> {
  const r = await c.query<{ t: string | null }>(`SELECT to_regclass('${REGISTRY_TABLE}')::text AS t`);
  if (r.rows[0]?.t) return;
  await clientTransaction(c, async () => {
    await c.query('SELECT pg_advisory_xact_lock($1)', [CHAIN_LOCK]);
    const again = await c.query<{ t: string | null }>(`SELECT to_regclass('${REGISTRY_TABLE}')::text AS t`);
    if (!again.rows[0]?.t) await c.query(SCHEMA_SQL);
  });
}

/** The CIC chain's MAC: the post and the outbox number are covered too, so a row cannot change post. */
export function storeMac(key: Buffer, prevMac: string, r: Omit<StoreRow, 'mac'>): string {
  return chainMac(key, prevMac, [r.seq, r.post, r.origin, r.postSeq, ...entryFields(r)]);
}

const COLUMNS = [
  'seq',
  'post',
  'origin',
  'post_seq',
  'at',
  'type',
  'login',
  'name',
  'rank',
  'service',
  'camera_id',
  'surface',
  'data',
  'mac',
] as const;

/** One INSERT for a batch of rows (14 parameters each). */
export function insertRows(rows: StoreRow[]): { text: string; values: unknown[] } {
  const values: unknown[] = [];
  const tuples = rows.map((r) => {
    const base = values.length;
    values.push(r.seq, r.post, r.origin, r.postSeq, r.at, r.type, r.login, r.name, r.rank, r.service);
    values.push(r.cameraId, r.surface, r.data, r.mac);
    return `(${COLUMNS.map((_, i) => `$${base + i + 1}`).join(',')})`;
  });
  return { text: `INSERT INTO ${REGISTRY_TABLE} (${COLUMNS.join(',')}) VALUES ${tuples.join(',')}`, values };
}
