/** The rules every IncidentStore keeps, run against the post's SQLite and the shared PostgreSQL alike. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { IncidentInput, IncidentView } from '../../common/contract';
import type { IncidentStore } from '../../main/desk/incidents/incident-store';

const AGENT = { login: 'agent', name: 'Paul Agent', rank: 'Gardien', service: 'CIC' };
export const report = (o: Partial<IncidentInput> = {}): IncidentInput => ({
  category: 'Rixe',
  cameras: [3],
  occurredAt: '2026-06-15T11:58:00.000Z',
  description: 'Deux individus se battent devant la gare',
  urgency: 'normal',
  ...o,
});

export function incidentStoreContract(name: string, open: () => Promise<IncidentStore>): void {
  test(`${name}: a report is read back as filed, with its reporter, and recorded inside its transaction`, async () => {
    const s = await open();
    const recorded: IncidentView[] = [];
    const added = await s.add(report({ cameras: [4, 2], urgency: 'urgent' }), AGENT, (v) => recorded.push(v));
    assert.deepEqual(recorded, [added]);
    assert.deepEqual(added.cameras, [4, 2]);
    assert.equal(added.urgency, 'urgent');
    assert.deepEqual(added.reporter, AGENT);
    assert.equal(added.occurredAt, '2026-06-15T11:58:00.000Z');
    assert.deepEqual(await s.get(added.id), added);
    assert.equal(await s.get(added.id + 1000), null);
    s.close();
  });

  test(`${name}: a record that throws leaves no report behind, and its error reaches the caller`, async () => {
    const s = await open();
    const denied = Object.assign(new Error('denied'), { code: 'EACCES' });
    await assert.rejects(
      async () =>
        s.add(report(), AGENT, () => {
          throw denied;
        }),
      (e) => e === denied,
    );
    assert.deepEqual(await s.list({}), []);
    s.close();
  });

  test(`${name}: the list filters by category, camera, urgency and period, newest first`, async () => {
    const s = await open();
    const file = async (o: Partial<IncidentInput>): Promise<number> =>
      (await s.add(report(o), AGENT, () => undefined)).id;
    const a = await file({ category: 'Rixe', cameras: [1, 2], occurredAt: '2026-06-10T10:00:00.000Z' });
    const b = await file({
      category: 'Vol',
      cameras: [2],
      urgency: 'urgent',
      occurredAt: '2026-06-14T10:00:00.000Z',
    });
    const c = await file({ category: 'Vol', cameras: [12], occurredAt: '2026-06-15T10:00:00.000Z' });
    const ids = async (f: Parameters<IncidentStore['list']>[0]): Promise<number[]> =>
      (await s.list(f)).map((i) => i.id);
    assert.deepEqual(await ids({}), [c, b, a]);
    assert.deepEqual(await ids({ category: 'Vol' }), [c, b]);
    assert.deepEqual(await ids({ cameraId: 2 }), [b, a]);
    assert.deepEqual(await ids({ cameraId: 1 }), [a]);
    assert.deepEqual(await ids({ urgency: 'urgent' }), [b]);
    assert.deepEqual(await ids({ from: '2026-06-12', to: '2026-06-14' }), [b]);
    assert.deepEqual(await ids({ category: 'Vol', cameraId: 1 }), []);
    assert.deepEqual(await ids({ cameraId: 12 }), [c]);
    // Hostile filter text is a value, never SQL.
    assert.deepEqual(await ids({ category: "Vol' OR '1'='1" }), []);
    s.close();
  });
}
