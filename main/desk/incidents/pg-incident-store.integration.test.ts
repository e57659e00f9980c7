/**
 * The CIC's shared incident reports on a real throwaway PostgreSQL: the IncidentStore contract,
 * and a report filed on one post reaches the other's listeners within 1 s.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { IncidentView } from '../../../common/contract';
import { PgIncidentStore } from './pg-incident-store';
import { pgSuite } from '../../../test-support/records/pg-suite';
import { incidentStoreContract, report } from '../../../test-support/desk/incident-store-contract';

pgSuite('PostgreSQL incident store', (lab) => {
  incidentStoreContract('PostgreSQL', async () => new PgIncidentStore(await lab.post(await lab.database())));

  test('a report filed on one post reaches the other post within 1 s; its own post is not told twice', async () => {
    const url = await lab.database();
    const a = new PgIncidentStore(await lab.post(url));
    const b = new PgIncidentStore(await lab.post(url));
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
});
