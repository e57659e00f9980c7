/**
 * Test fixture: the set-up every PostgreSQL test file shares. One throwaway cluster (pg-server.ts)
 * starts before the file's tests and is removed after them, once what they opened on it is closed.
 * Where PostgreSQL is absent, outside CI, the file's PostgreSQL tests are one skipped test instead,
 * named `name`; under VIGIE_REQUIRE_PG=1 (CI) they run, and a missing server fails them.
 */
import { after, before, test } from 'node:test';
import type { PgRecords } from '../../main/platform/storage/pg-records';
import { freshDatabase, Posts } from './pg-databases';
import { pgSkipReason, startPg, type PgServer } from './pg-server';
import { joinPosts, removePosts, type TestPost } from './store-posts';

export interface PgLab {
  /** The cluster (started in before(): inside tests only). */
  readonly server: PgServer;
  /** A new empty database on the cluster; its URL. */
  database(): Promise<string>;
  /** A post's shared-store connection on `url`, closed at the end. */
  post(url: string): Promise<PgRecords>;
  /** Posts of one CIC joined to its registry on `url` (store-posts.ts), their data removed at the end. */
  join(url: string, names: string[]): Promise<TestPost[]>;
  /**
   * Runs `fn` once the cluster has started, before any test (the file's own top-level before()
   * hooks run alongside the start, not after it); not at all when it fails to start.
   */
  setUp(fn: () => Promise<unknown>): void;
  /** Runs `fn` at the end, before the connections close and the cluster stops. */
  cleanup(fn: () => unknown): void;
}

/** Declares the PostgreSQL tests `define` makes, on one cluster for the file. */
export function pgSuite(name: string, define: (lab: PgLab) => void): void {
  const skip = pgSkipReason();
  if (skip) {
    test(name, { skip }, () => undefined);
    return;
  }
  let server: PgServer | null = null;
  const posts = new Posts();
  const joined: TestPost[] = [];
  const setUps: (() => Promise<unknown>)[] = [];
  const cleanups: (() => unknown)[] = [];
  before(async () => {
    server = await startPg();
    for (const fn of setUps) await fn();
  });
  after(async () => {
    for (const fn of cleanups.splice(0)) await fn();
    await posts.closeAll();
    removePosts(joined.splice(0));
    await server?.destroy();
  });
  const lab: PgLab = {
    get server() {
      if (!server) throw new Error('the PostgreSQL cluster starts in before(): use it inside a test');
      return server;
    },
    database: () => freshDatabase(lab.server),
    post: (url) => posts.post(url),
    join: async (url, names) => {
      const made = await joinPosts(url, names);
      joined.push(...made);
      return made;
    },
    setUp: (fn) => void setUps.push(fn),
    cleanup: (fn) => void cleanups.push(fn),
  };
  define(lab);
}
