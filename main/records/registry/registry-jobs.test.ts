import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { JobProgressView, RegistryPage, RegistrySlotsPage, VerifyView } from '../../../common/contract';
import { EventHub, Router } from '../../platform/ipc/router';
import { Registry } from './registry';
import { registryHandlers } from './registry-handlers';
import { postJobRunner } from '../../app/post-jobs';
import { seedRegistry } from '../../../test-support/records/registry-seed';
import { mergeSlots, pairSessions } from './registry-slots';

const actor = { login: 'chef', name: 'Marc Petit', rank: 'Commandant', service: 'CIC' };
const ctx = { clientId: 'c1' };

function post(rows: number) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-regjobs-'));
  const { keys } = seedRegistry(dir, {
    rows,
    from: '2026-01-01T00:00:00Z',
    to: '2026-06-30T00:00:00Z',
    cameras: 12,
  });
  const registry = new Registry(dir, keys);
  const events = new EventHub();
  const progress: JobProgressView[] = [];
  events.add((event, payload, target) => {
    if (event === 'jobs:progress' && target === ctx.clientId) progress.push(payload as JobProgressView);
  });
  const runner = postJobRunner(dir, keys);
  const router = new Router(registryHandlers({ registry, dataDir: dir, actor: () => actor, runner, events }));
  const call = async <T>(channel: string, payload?: unknown): Promise<T> => {
    const r = await router.dispatch(channel, payload, ctx);
    assert.ok(r.ok, JSON.stringify(r));
    return r.value as T;
  };
  return {
    dir,
    registry,
    router,
    progress,
    call,
    close: async () => {
      await runner.close();
      registry.close();
    },
  };
}

test('the journal pages newest first, 100 a page, older and back, through a worker', async () => {
  const p = post(249); // + registry.init: 250 entries
  const first = await p.call<RegistryPage>('registry:query', {});
  assert.equal(first.total, 250);
  assert.deepEqual(
    first.entries.map((e) => e.seq),
    Array.from({ length: 100 }, (_, i) => 250 - i),
  );
  assert.equal(first.hasNewer, false);
  assert.equal(first.hasOlder, true);
  const second = await p.call<RegistryPage>('registry:query', { before: 151 });
  assert.deepEqual(
    [second.entries[0]!.seq, second.entries.at(-1)!.seq, second.hasNewer, second.hasOlder],
    [150, 51, true, true],
  );
  const last = await p.call<RegistryPage>('registry:query', { before: 51 });
  assert.deepEqual([last.entries.length, last.entries.at(-1)!.seq, last.hasOlder], [50, 1, false]);
  const back = await p.call<RegistryPage>('registry:query', { after: 50 });
  assert.deepEqual([back.entries[0]!.seq, back.entries.at(-1)!.seq], [149 + 1, 51]);
  // Entries appended since the search (its own consultation) stay out of its pages.
  const same = await p.call<RegistryPage>('registry:query', { after: 150, upTo: 250 });
  assert.deepEqual(
    [same.entries[0]!.seq, same.entries.at(-1)!.seq, same.hasNewer, same.total],
    [250, 151, false, 250],
  );
  // One consultation recorded for the search, none for the pages turned.
  assert.equal(p.registry.query({ types: ['registry.consult'], login: 'chef' }).length, 1);

  const cam = await p.call<RegistryPage>('registry:query', { cameraId: 3 });
  assert.ok(cam.entries.length > 0);
  assert.ok(cam.entries.every((e) => e.cameraId === 3));
  assert.equal(cam.total, p.registry.query({ cameraId: 3 }).length);
  await p.close();
});

test('slots are merged in the worker exactly as from the sessions, paged, newest first', async () => {
  const p = post(3000);
  const expected = mergeSlots(
    pairSessions(
      p.registry
        .query({ types: ['view.start', 'view.end'] })
        .map((r) => ({ ...r, viewId: (JSON.parse(r.data) as { viewId: string }).viewId })),
    ),
    new Date(),
  );
  const page0 = await p.call<RegistrySlotsPage>('registry:slots', {});
  assert.equal(page0.total, expected.length);
  assert.equal(page0.pages, Math.ceil(expected.length / 100));
  const strip = (s: (typeof expected)[number]) => ({ ...s, end: s.open ? '' : s.end });
  assert.deepEqual(page0.slots.map(strip), expected.slice(0, 100).map(strip));
  assert.ok(
    page0.slots.some((s) => s.sessions > 1),
    'some sessions merged',
  );
  const page1 = await p.call<RegistrySlotsPage>('registry:slots', { page: 1 });
  assert.deepEqual(page1.slots.map(strip), expected.slice(100, 200).map(strip));
  assert.equal(page0.sessions.length, 100);
  assert.ok(Date.parse(page0.sessions[0]!.start) <= Date.parse(page0.sessions[99]!.start));
  await p.close();
});

test('verification runs in the worker with progress to the caller, and finds every altered or missing range', async () => {
  const p = post(40_000);
  const v = await p.call<{ ok: boolean; rows: number }>('registry:verify');
  assert.deepEqual([v.ok, v.rows], [true, 40_001]);
  assert.ok(
    p.progress.some((e) => e.job === 'registry.verify' && e.fraction > 0 && e.fraction < 1),
    'progress shown',
  );
  const db = new DatabaseSync(path.join(p.dir, 'registry.db'));
  db.exec(`DROP TRIGGER registry_no_update; DROP TRIGGER registry_no_delete;
    UPDATE registry SET login = 'x' WHERE seq IN (1234, 30000); DELETE FROM registry WHERE seq BETWEEN 20000 AND 20099;`);
  db.close();
  const bad = await p.call<Extract<VerifyView, { ok: false }>>('registry:verify');
  assert.deepEqual([bad.ok, bad.firstBadSeq, bad.problem, bad.rangeCount], [false, 1234, 'altered', 3]);
  assert.deepEqual(
    bad.ranges.map((r) => [r.first, r.last, r.problem]),
    [
      [1234, 1234, 'altered'],
      [20000, 20099, 'missing'],
      [30000, 30000, 'altered'],
    ],
  );
  const recorded = p.registry.query({ types: ['registry.verify'] });
  assert.equal(recorded.length, 2);
  assert.equal((JSON.parse(recorded[1]!.data) as { rangeCount: number }).rangeCount, 3);
  await p.close();
});

test('a CSV export of more rows than one chunk has one header, every row, and is recorded', async () => {
  const p = post(12_000);
  const { file } = await p.call<{ file: string }>('registry:export', { format: 'csv' });
  const csv = fs.readFileSync(file, 'utf8');
  assert.equal(csv.match(/\uFEFF/g)?.length, 1);
  assert.equal(csv.match(/n°;date;heure/g)?.length, 1);
  assert.equal(csv.split('\r\n').filter(Boolean).length, 12_001 + 1);
  const rec = p.registry.query({ types: ['registry.export'] });
  assert.equal((JSON.parse(rec[0]!.data) as { rows: number }).rows, 12_001);
  await p.close();
});

test('malformed paging payloads are refused before any job runs', async () => {
  const p = post(10);
  for (const [channel, payload] of [
    ['registry:query', { before: 10, after: 2 }],
    ['registry:query', { before: -1 }],
    ['registry:query', { before: 'x' }],
    ['registry:slots', { page: -1 }],
    ['registry:slots', { page: 1.5 }],
  ] as const) {
    const r = await p.router.dispatch(channel, payload, ctx);
    assert.ok(!r.ok && r.error.code === 'invalid_payload', `${channel} ${JSON.stringify(payload)}`);
  }
  await p.close();
});
