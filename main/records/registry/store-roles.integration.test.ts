/**
 * The roles the README gives (ROLES_SQL), on a real PostgreSQL: a post connected as `vigie_post`
 * appends and verifies, and the database refuses it any UPDATE, DELETE, TRUNCATE or DROP of the
 * registry; only `vigie_purge` may delete.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { pgSuite } from '../../../test-support/records/pg-suite';
import { asSuperuser, openPost, verifyFrom } from '../../../test-support/records/store-posts';
import { loadStoreKeys } from './store-key';
import { purgeStore } from './store-purge';
import { ROLES_SQL } from './store-schema';

test('the README gives the roles’ SQL as the tests run it', () => {
  const readme = fs.readFileSync(path.join(__dirname, '..', '..', '..', 'README.md'), 'utf8');
  assert.ok(readme.includes(ROLES_SQL), 'README.md "The registry" holds ROLES_SQL, word for word');
});

pgSuite('the registry roles on PostgreSQL', (lab) =>
  test(
    'a post’s role may only read and insert the registry; the purge role may delete',
    { timeout: 180_000 },
    async () => {
      const owner = await lab.database();
      const [p] = await lab.join(owner, ['poste-A']); // the owner makes the tables, once
      for (const statement of ROLES_SQL.split(';').filter((x) => x.trim()))
        await asSuperuser(owner, statement);
      const as = (role: string, password: string): string => owner.replace('vigie@', `${role}:${password}@`);
      const post = as('vigie_post', 'change-me');

      const r = openPost(p!, post);
      r.append({ type: 'auth.login', data: { as: 'vigie_post' } });
      assert.equal(await r.shared!.flush(), true, 'the post appends with its role');
      await r.shared!.close();
      r.close();
      assert.equal((await verifyFrom(p!, post)).result.ok, true, 'and verifies with it');

      for (const sql of [
        `UPDATE vigie_registry SET login = 'x' WHERE seq = 2`,
        `DELETE FROM vigie_registry WHERE seq = 2`,
        'TRUNCATE vigie_registry',
        'DROP TABLE vigie_registry',
        `UPDATE vigie_registry_cic SET key_check = 'x'`,
        `INSERT INTO vigie_registry_anchor (id, seq, mac) VALUES (1, 1, 'x')`,
      ])
        await assert.rejects(asSuperuser(post, sql), { code: '42501' }, `refused to vigie_post: ${sql}`);

      const purge = as('vigie_purge', 'change-me-too');
      const keys = loadStoreKeys(p!.dataDir);
      const now = new Date(Date.now() + 1000).toISOString();
      await assert.rejects(purgeStore({ url: post, keys, post: 'poste-A', before: now }), { code: '42501' });
      // Retention under its role: every entry goes, the chain is anchored, the purge entry proves the anchor.
      assert.equal(await purgeStore({ url: purge, keys, post: 'poste-A', before: now }), 3);
      const after = await verifyFrom(p!, post);
      assert.equal(after.result.ok, true, JSON.stringify(after.result));
      assert.equal(after.result.rows, 1, 'the purge entry alone');
      const r2 = openPost(p!, post);
      r2.append({ type: 'auth.login', data: { after: 'purge' } });
      assert.equal(await r2.shared!.flush(), true, 'the chain goes on from the anchor');
      await r2.shared!.close();
      r2.close();
      assert.equal((await verifyFrom(p!, post)).result.ok, true);
      await assert.rejects(asSuperuser(purge, `UPDATE vigie_registry SET login = 'x'`), { code: '42501' });
      assert.equal(await asSuperuser(purge, 'DELETE FROM vigie_registry WHERE seq = 5'), 1);
    },
  ),
);
