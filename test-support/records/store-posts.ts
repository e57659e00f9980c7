/**
 * Test fixture: posts of one CIC on a throwaway PostgreSQL (pg-server.ts). The first post makes the
 * CIC's registry (`vigie store join`), the others join with a copy of its key file, as a technician
 * would bring it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openRegistry } from '../../main/records/registry/open-registry';
import type { Registry } from '../../main/records/registry/registry';
import { readWitness } from '../../main/records/registry/registry-outbox';
import { joinStore } from '../../main/records/registry/store-join';
import { STORE_KEY_FILE, loadStoreKeys } from '../../main/records/registry/store-key';
import { verifyStore, type StoreVerifyView } from '../../main/records/registry/store-verify';

export interface TestPost {
  post: string;
  dataDir: string;
}

export async function joinPosts(url: string, names: string[]): Promise<TestPost[]> {
  const posts = names.map((post) => ({
    post,
    dataDir: fs.mkdtempSync(path.join(os.tmpdir(), `vigie-${post}-`)),
  }));
  const [first, ...others] = posts;
  await joinStore({ url, dataDir: first!.dataDir, post: first!.post });
  const keyFile = path.join(first!.dataDir, STORE_KEY_FILE);
  for (const p of others) await joinStore({ url, dataDir: p.dataDir, post: p.post, keyFile });
  return posts;
}

export function openPost(p: TestPost, url: string): Registry {
  return openRegistry(p.dataDir, undefined, { url, post: p.post });
}

/** What `vigie registry verify --store` computes, as seen from this post. */
export function verifyFrom(p: TestPost, url: string, checkpoint?: unknown): Promise<StoreVerifyView> {
  return verifyStore({
    url,
    keys: loadStoreKeys(p.dataDir),
    witness: readWitness(p.dataDir),
    ...(checkpoint !== undefined && { checkpoint }),
  });
}

/** A query through a superuser connection: how an attacker with the database's keys would edit it. */
export async function asSuperuser(url: string, sql: string, args: unknown[] = []): Promise<number> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(sql, args)).rowCount ?? 0;
  } finally {
    await c.end();
  }
}

export function removePosts(posts: TestPost[]): void {
  for (const p of posts) fs.rmSync(p.dataDir, { recursive: true, force: true });
}
