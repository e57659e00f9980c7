/**
 * `vigie registry purge --store postgres://vigie_purge@… --older-than-days N`: retention on the CIC's
 * registry, under the purge role (the posts' role cannot delete). In one transaction under the
 * chain's lock: the entries older than the limit go, the chain is anchored at the last one removed,
 * and a `registry.purge` entry that names the anchor is chained after the head. Its origin is
 * `purge:…`: a post's own purge, copied through its outbox, never proves the CIC's anchor.
 */
import crypto from 'node:crypto';
import { clientTransaction } from '../../platform/storage/pg-checkout';
import { PURGE_TYPE, type ChainLink } from './registry-chain';
import { canonicalRow, type RegistryActor } from './registry-rows';
import { StoreError, keyCheck, type StoreKeys } from './store-key';
import {
  CHAIN_LOCK,
  REGISTRY_TABLE,
  insertRows,
  storeMac,
  withStoreClient,
  type StoreRow,
} from './store-schema';

export const PURGE_ORIGIN = 'purge:';

export async function purgeStore(o: {
  url: string;
  keys: StoreKeys;
  post: string;
  before: string;
  actor?: RegistryActor | null;
}): Promise<number> {
  return withStoreClient(o.url, (c) =>
    clientTransaction(c, async () => {
      await c.query('SELECT pg_advisory_xact_lock($1)', [CHAIN_LOCK]);
      const h = (
        await c.query<{ cic: string; key_check: string }>('SELECT cic, key_check FROM vigie_registry_cic')
      ).rows[0];
      if (!h) throw new StoreError('store_registry_absent');
      if (h.cic !== o.keys.cic || h.key_check !== keyCheck(o.keys)) throw new StoreError('store_key_foreign');
      const last = (
        await c.query<ChainLink>(
          `SELECT seq::float8 AS seq, mac FROM ${REGISTRY_TABLE} WHERE at < $1 ORDER BY seq DESC LIMIT 1`,
          [o.before],
        )
      ).rows[0];
      if (!last) return 0; // nothing so old: only read, so committing changes nothing
      const removed =
        (await c.query(`DELETE FROM ${REGISTRY_TABLE} WHERE seq <= $1`, [last.seq])).rowCount ?? 0;
      await c.query(
        `INSERT INTO vigie_registry_anchor (id, seq, mac) VALUES (1, $1, $2)
         ON CONFLICT (id) DO UPDATE SET seq = EXCLUDED.seq, mac = EXCLUDED.mac`,
        [last.seq, last.mac],
      );
      const head =
        (
          await c.query<ChainLink>(
            `SELECT seq::float8 AS seq, mac FROM ${REGISTRY_TABLE} ORDER BY seq DESC LIMIT 1`,
          )
        ).rows[0] ?? last;
      const base = canonicalRow(head.seq + 1, new Date().toISOString(), {
        type: PURGE_TYPE,
        actor: o.actor ?? null,
        data: { before: o.before, removed, anchorSeq: last.seq, anchorMac: last.mac },
      });
      const row = { ...base, post: o.post, origin: `${PURGE_ORIGIN}${crypto.randomUUID()}`, postSeq: 0 };
      const entry: StoreRow = { ...row, mac: storeMac(o.keys.macKey, head.mac, row) };
      const insert = insertRows([entry]);
      await c.query(insert.text, insert.values);
      return removed;
    }),
  );
}
