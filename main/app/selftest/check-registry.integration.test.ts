/** The self-test's store check against a real PostgreSQL: the post's entries, its own run included, reach the CIC's registry. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pgSuite } from '../../../test-support/records/pg-suite';
import { openPost, verifyFrom } from '../../../test-support/records/store-posts';
import { checkRegistry, checkSharedRegistry } from './check-registry';

const name =
  'with --store and the database up, the self-test passes the store and its run is in the CIC’s registry';
pgSuite(name, (lab) =>
  test(name, { timeout: 120_000 }, async () => {
    const posts = await lab.join(lab.server.url, ['poste-T']);
    const registry = openPost(posts[0]!, lab.server.url);
    checkRegistry(registry, { checks: 1 });
    assert.deepEqual(await checkSharedRegistry(registry), [
      { group: 'registry', subject: 'store', status: 'pass', code: 'registry_store_ok' },
    ]);
    await registry.shared!.close();
    registry.close();
    const v = await verifyFrom(posts[0]!, lab.server.url);
    assert.equal(v.result.ok, true);
    assert.equal(v.result.rows, 3, 'the CIC’s init, the post’s init, the self-test’s run');
  }),
);
