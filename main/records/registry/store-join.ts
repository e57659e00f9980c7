/**
 * `vigie store join --store postgres://… [--key-file FILE]`: how a post gets the CIC's registry key.
 * - On a database with no registry, the first post makes the CIC's key, writes the header (the CIC's
 *   id and the key's check value) and the chain's first entry, `registry.init`.
 * - On a database that holds one, the post must be given a copy of another post's `store.key`: it
 *   is kept only if it is the key of the registry the database holds.
 * - A post that already has a key joins again harmlessly, and never takes another CIC's.
 */
import fs from 'node:fs';
import path from 'node:path';
import type pg from 'pg';
import { clientTransaction } from '../../platform/storage/pg-checkout';
import { readFileSafe } from '../../platform/storage/safe-read';
import { GENESIS, INIT_TYPE } from './registry-chain';
import { canonicalRow } from './registry-rows';
import {
  CHAIN_LOCK,
  REGISTRY_TABLE,
  ensureSchema,
  insertRows,
  storeMac,
  withStoreClient,
  type StoreRow,
} from './store-schema';
import {
  STORE_KEY_FILE,
  StoreError,
  keyCheck,
  newStoreKey,
  parseStoreKey,
  readStoreKey,
  storeKeys,
  writeStoreKey,
  type StoreKeyFile,
} from './store-key';

export interface JoinOptions {
  url: string;
  dataDir: string;
  post: string;
  /** A copy of a post's `store.key` (removable media). */
  keyFile?: string | undefined;
}

export interface Joined {
  cic: string;
  /** True when this post made the CIC's registry. */
  created: boolean;
}

export async function joinStore(o: JoinOptions): Promise<Joined> {
  const own = readStoreKey(o.dataDir);
  const given = o.keyFile ? await readKeyFile(o.keyFile) : undefined;
  if (own && given && own.cic !== given.cic) throw new StoreError('store_other_cic');
  return withStoreClient(o.url, async (c) => {
    await ensureSchema(c);
    let made = false;
    try {
      return await clientTransaction(c, async () => {
        await c.query('SELECT pg_advisory_xact_lock($1)', [CHAIN_LOCK]);
        const header = await c.query<{ cic: string; key_check: string }>(
          'SELECT cic, key_check FROM vigie_registry_cic WHERE id = 1',
        );
        const h = header.rows[0];
        if (h) return check(h, given ?? own, o.dataDir, own);
        const created = await create(c, own ?? given, o);
        made = true;
        return created;
      });
    } catch (e) {
      // A key made for a registry that was not committed must not stay.
      if (made) fs.rmSync(path.join(o.dataDir, STORE_KEY_FILE), { force: true });
      throw e;
    }
  });
}

/** A key file named on the command line: a pipe, a device or anything past 64 KiB is refused. */
async function readKeyFile(file: string): Promise<StoreKeyFile> {
  const r = await readFileSafe(file, { maxBytes: 64 * 1024, followLink: true });
  if (!r.ok) throw new StoreError('store_key_unreadable');
  return parseStoreKey(r.bytes.toString('utf8'));
}

function check(
  h: { cic: string; key_check: string },
  key: StoreKeyFile | null | undefined,
  dataDir: string,
  own: StoreKeyFile | null,
): Joined {
  if (!key) throw new StoreError('store_key_required');
  if (key.cic !== h.cic || keyCheck(storeKeys(key)) !== h.key_check)
    throw new StoreError(own ? 'store_other_cic' : 'store_key_foreign');
  if (!own) writeStoreKey(dataDir, key);
  return { cic: key.cic, created: false };
}

async function create(
  c: pg.Client,
  existing: StoreKeyFile | null | undefined,
  o: JoinOptions,
): Promise<Joined> {
  // A post that holds a key expects its registry: an empty database is not a fresh start.
  if (existing) throw new StoreError('store_registry_absent');
  const rows = await c.query(`SELECT 1 FROM ${REGISTRY_TABLE} LIMIT 1`);
  if (rows.rowCount) throw new StoreError('store_registry_broken');
  const f = newStoreKey();
  const keys = storeKeys(f);
  await c.query('INSERT INTO vigie_registry_cic (id, cic, key_check, created_at) VALUES (1, $1, $2, $3)', [
    f.cic,
    keyCheck(keys),
    new Date().toISOString(),
  ]);
  const base = canonicalRow(1, new Date().toISOString(), { type: INIT_TYPE, data: { cic: f.cic } });
  const row = { ...base, post: o.post, origin: `join:${f.cic}`, postSeq: 0 };
  const init: StoreRow = { ...row, mac: storeMac(keys.macKey, GENESIS, row) };
  const insert = insertRows([init]);
  await c.query(insert.text, insert.values);
  writeStoreKey(o.dataDir, f);
  return { cic: f.cic, created: true };
}
