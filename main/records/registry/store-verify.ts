/**
 * `vigie registry verify --store postgres://…`: the CIC's chain re-computed from one snapshot of the
 * database (REPEATABLE READ), read in pages. It finds what the post's own verification finds
 * (registry-chain.ts), on every post's entries, plus:
 * - a header missing or made with another key: the registry was re-created (`wiped`);
 * - all of one post's entries deleted: gaps in the one chain (`missing`);
 * - a truncated tail or a re-created registry, against the checkpoint given, or else against this
 *   post's witness (the head it last wrote, signed with the CIC's key).
 */
import type pg from 'pg';
import { clientTransaction } from '../../platform/storage/pg-checkout';
import type { VerifyRange, VerifyView } from '../../../common/contract';
import { PURGE_TYPE, chainWalk, signCheckpoint, type ChainLink, type Checkpoint } from './registry-chain';
import { PURGE_ORIGIN } from './store-purge';
import { StoreError, keyCheck, type StoreKeys } from './store-key';
import { REGISTRY_TABLE, STORE_ROWS, storeMac, withStoreClient, type StoreRow } from './store-schema';

const PAGE = 5000;

export interface StoreVerifyView {
  result: VerifyView;
  /** Entries read per post, in the order posts first appear. */
  posts: { post: string; rows: number }[];
}

export interface StoreVerifyOptions {
  url: string;
  keys: StoreKeys;
  /** A checkpoint file's content (`--checkpoint`); else the post's witness is used. */
  checkpoint?: unknown;
  witness?: unknown;
}

export async function verifyStore(o: StoreVerifyOptions): Promise<StoreVerifyView> {
  return withStoreClient(o.url, async (c) => {
    const { header, walk, posts } = await clientTransaction(c, () => readChain(c, o), {
      begin: 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY',
    });
    let result = walk.result();
    // The header is the registry's birth certificate: absent or another key's, it was re-created.
    if (!header || header.cic !== o.keys.cic || header.key_check !== keyCheck(o.keys))
      result = withFirst(result, { first: 1, last: 1, problem: 'wiped' });
    return { result, posts: [...posts].map(([post, rows]) => ({ post, rows })) };
  });
}

/** The header, and every row walked along the chain, from one snapshot. */
async function readChain(c: pg.ClientBase, o: StoreVerifyOptions) {
  const exists = await c.query<{ t: string | null }>(`SELECT to_regclass('${REGISTRY_TABLE}')::text AS t`);
  const header = exists.rows[0]?.t
    ? (await c.query<{ cic: string; key_check: string }>('SELECT cic, key_check FROM vigie_registry_cic'))
        .rows[0]
    : undefined;
  const anchor = exists.rows[0]?.t
    ? ((await c.query<ChainLink>('SELECT seq::float8 AS seq, mac FROM vigie_registry_anchor')).rows[0] ??
      null)
    : null;
  const witnessSeq = (o.witness as Partial<ChainLink> | null | undefined)?.seq;
  const witnessUsable = o.witness !== undefined && !(anchor && (witnessSeq ?? 0) <= anchor.seq);
  const walk = chainWalk<StoreRow>(
    o.keys,
    anchor,
    o.checkpoint !== undefined ? o.checkpoint : witnessUsable ? o.witness : undefined,
    storeMac,
    // Only the CIC's own purges prove its anchor; a post's purge copied through its outbox does not.
    (r) => r.type === PURGE_TYPE && r.origin.startsWith(PURGE_ORIGIN),
  );
  const posts = new Map<string, number>();
  // Keyset pages; the first has no lower bound, so a row planted below 1 is read (and named) too.
  let after: number | null = null;
  while (exists.rows[0]?.t) {
    const page: pg.QueryResult<StoreRow> =
      after === null
        ? await c.query<StoreRow>(`${STORE_ROWS} ORDER BY seq LIMIT ${PAGE}`)
        : await c.query<StoreRow>(`${STORE_ROWS} WHERE seq > $1 ORDER BY seq LIMIT ${PAGE}`, [after]);
    for (const r of page.rows) {
      walk.add(r);
      posts.set(r.post, (posts.get(r.post) ?? 0) + 1);
    }
    const last = page.rows.at(-1);
    if (!last || page.rows.length < PAGE) break;
    after = last.seq;
  }
  return { header, walk, posts };
}

function withFirst(v: VerifyView, r: VerifyRange): VerifyView {
  const ranges = v.ok ? [] : v.ranges;
  if (ranges.some((x) => x.problem === r.problem && x.first === r.first)) return v;
  const { first, last: _last, ...problem } = r;
  return {
    ok: false,
    rows: v.rows,
    firstBadSeq: first,
    ...problem,
    rangeCount: (v.ok ? 0 : v.rangeCount) + 1,
    ranges: [r, ...ranges],
  };
}

/** `vigie registry checkpoint --store`: the CIC chain's head, signed with the CIC's key. */
export async function storeCheckpoint(url: string, keys: StoreKeys): Promise<Checkpoint> {
  return withStoreClient(url, async (c) => {
    const h = await c.query<ChainLink>(
      `SELECT seq::float8 AS seq, mac FROM ${REGISTRY_TABLE} ORDER BY seq DESC LIMIT 1`,
    );
    const head = h.rows[0];
    if (!head) throw new StoreError('store_registry_absent');
    return signCheckpoint(keys, head);
  });
}
