/** The self-test's store check against a real PostgreSQL: the post's entries, its own run included, reach the CIC's registry. */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { pgSkipReason, startPg, type PgServer } from '../../../test-support/records/pg-server';
import { joinPosts, openPost, removePosts, verifyFrom } from '../../../test-support/records/store-posts';
import { checkRegistry, checkSharedRegistry } from './check-registry';

const skip = pgSkipReason();
let server: PgServer | null = null;
before(async () => {
  if (!skip) server = await startPg();
});
after(async () => {
  await server?.destroy();
});

test(
  'with --store and the database up, the self-test passes the store and its run is in the CIC’s registry',
  { skip: skip ?? false, timeout: 120_000 },
  async () => {
    const posts = await joinPosts(server!.url, ['poste-T']);
    const registry = openPost(posts[0]!, server!.url);
    checkRegistry(registry, { checks: 1 });
    assert.deepEqual(await checkSharedRegistry(registry), [
      { group: 'registry', subject: 'store', status: 'pass', code: 'registry_store_ok' },
    ]);
    await registry.shared!.close();
    registry.close();
    const v = await verifyFrom(posts[0]!, server!.url);
    assert.equal(v.result.ok, true);
    assert.equal(v.result.rows, 3, 'the CIC’s init, the post’s init, the self-test’s run');
    removePosts(posts);
  },
);
