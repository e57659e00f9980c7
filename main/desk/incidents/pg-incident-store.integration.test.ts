/**
 * The CIC's shared incident reports on a real throwaway PostgreSQL: the IncidentStore contract,
 * and a report filed on one post reaches the other's listeners within 1 s.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { IncidentView } from '../../../common/contract';
import { PgIncidentStore } from './pg-incident-store';
import { pgSkipReason, startPg, type PgServer } from '../../../test-support/records/pg-server';
import { freshDatabase, Posts } from '../../../test-support/records/pg-databases';
import { incidentStoreContract, report } from '../../../test-support/desk/incident-store-contract';

const skip = pgSkipReason();
let server: PgServer | null = null;
const posts = new Posts();

before(async () => {
  if (!skip) server = await startPg();
});
after(async () => {
  await posts.closeAll();
  await server?.destroy();
});

if (skip) test('PostgreSQL incident store', { skip }, () => undefined);
else {
  incidentStoreContract(
    'PostgreSQL',
    async () => new PgIncidentStore(await posts.post(await freshDatabase(server!))),
  );

  test('a report filed on one post reaches the other post within 1 s; its own post is not told twice', async () => {
    const url = await freshDatabase(server!);
    const a = new PgIncidentStore(await posts.post(url));
    const b = new PgIncidentStore(await posts.post(url));
    const onA: IncidentView[] = [];
    a.onAdded((v) => onA.push(v));
    const arrived = new Promise<IncidentView>((resolve) => b.onAdded(resolve));
    const t0 = performance.now();
    const added = await a.add(
      report({ urgency: 'urgent' }),
      { login: 'x', name: 'X', rank: 'R', service: 'S' },
      () => undefined,
    );
    const timeout = new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error('not within 1 s')), 1_000),
    );
    assert.deepEqual(await Promise.race([arrived, timeout]), added);
    assert.ok(performance.now() - t0 < 1_000);
    assert.deepEqual(onA, []);
  });
}
