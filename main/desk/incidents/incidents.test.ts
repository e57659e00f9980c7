/** Issue 12: incident reports are checked, kept in incidents.db, filtered, and recorded in the registry. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { IncidentInput } from '../../../common/contract';
import { EventHub } from '../../platform/ipc/router';
import { Registry } from '../../records/registry/registry';
import { loadOrCreateKeys } from '../../records/registry/registry-key';
import { SqliteIncidentStore } from './incident-store';
import { incidentsHandlers } from './incidents-handlers';

const AGENT = { login: 'agent', name: 'Paul Agent', rank: 'Gardien', service: 'CIC' };
const NOW = Date.parse('2026-06-15T12:00:00Z');

function setup(categories = ['Rixe', 'Vol']) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-inc-'));
  const registry = new Registry(dir, loadOrCreateKeys(dir));
  const store = new SqliteIncidentStore(dir);
  const pushed: unknown[] = [];
  const events = new EventHub();
  events.add((e, p) => pushed.push([e, p]));
  const h = incidentsHandlers({
    store,
    registry,
    events,
    actor: () => AGENT,
    categories: () => categories,
    knownCamera: (id) => id >= 1 && id <= 12,
    now: () => NOW,
  });
  return { dir, registry, store, h, pushed };
}
const input = (o: Partial<IncidentInput> = {}): IncidentInput => ({
  category: 'Rixe',
  cameras: [3],
  occurredAt: '2026-06-15T11:58:00.000Z',
  description: 'Deux individus se battent devant la gare',
  urgency: 'normal',
  ...o,
});
const ctx = { clientId: 'c' };

test('a report is stored, pushed and recorded in the registry with the agreed shape', () => {
  const { registry, store, h, pushed } = setup();
  const r = h['incidents:report'].handle(
    input({ cameras: [4, 2, 4], urgency: 'urgent', description: '  Arme  \n' }),
    ctx,
  );
  assert.ok(!(r instanceof Promise) && r.ok);
  assert.deepEqual(r.value.cameras, [4, 2]);
  assert.equal(r.value.description, 'Arme');
  assert.equal(r.value.reporter.login, 'agent');
  const [row] = registry.query({ types: ['incident.report'] });
  assert.ok(row);
  assert.equal(row.cameraId, 4);
  assert.equal(row.login, 'agent');
  assert.deepEqual(JSON.parse(row.data), {
    incidentId: r.value.id,
    category: 'Rixe',
    urgency: 'urgent',
    occurredAt: '2026-06-15T11:58:00.000Z',
    cameras: [4, 2],
    description: 'Arme',
  });
  assert.deepEqual(store.get(r.value.id), r.value);
  assert.equal(pushed.length, 1);
});

test('bad reports are refused and change nothing', () => {
  const { registry, store, h } = setup();
  const cases: [Partial<IncidentInput>, string][] = [
    [{ category: 'Inconnue' }, 'category'],
    [{ cameras: [3, 99] }, 'camera'],
    [{ occurredAt: '2026-06-15T12:30:00.000Z' }, 'future'],
    [{ description: '   ' }, 'description'],
  ];
  for (const [o, reason] of cases) {
    const r = h['incidents:report'].handle(input(o), ctx);
    assert.ok(!(r instanceof Promise));
    assert.deepEqual(r.ok ? null : [r.error.code, r.error.params?.reason], ['incident_invalid', reason]);
  }
  // A few minutes ahead (a clock slightly off) is accepted.
  const ahead = h['incidents:report'].handle(input({ occurredAt: '2026-06-15T12:03:00.000Z' }), ctx);
  assert.ok(!(ahead instanceof Promise) && ahead.ok);
  assert.equal(store.list({}).length, 1);
  assert.equal(registry.query({ types: ['incident.report'] }).length, 1);

  const none = setup([]);
  const r = none.h['incidents:report'].handle(input(), ctx);
  assert.ok(!(r instanceof Promise));
  assert.equal(r.ok ? '' : r.error.params?.reason, 'no_instructions');
});

test('the list filters by category, camera, urgency and period, newest first', () => {
  const { store, h } = setup();
  const file = (o: Partial<IncidentInput>) => {
    const r = h['incidents:report'].handle(input(o), ctx);
    assert.ok(!(r instanceof Promise) && r.ok);
    return r.value.id;
  };
  const a = file({ category: 'Rixe', cameras: [1, 2], occurredAt: '2026-06-10T10:00:00.000Z' });
  const b = file({
    category: 'Vol',
    cameras: [2],
    urgency: 'urgent',
    occurredAt: '2026-06-14T10:00:00.000Z',
  });
  const c = file({ category: 'Vol', cameras: [12], occurredAt: '2026-06-15T10:00:00.000Z' });
  const ids = (f: Parameters<SqliteIncidentStore['list']>[0]) => store.list(f).map((i) => i.id);
  assert.deepEqual(ids({}), [c, b, a]);
  assert.deepEqual(ids({ category: 'Vol' }), [c, b]);
  assert.deepEqual(ids({ cameraId: 2 }), [b, a]);
  assert.deepEqual(ids({ cameraId: 1 }), [a]);
  assert.deepEqual(ids({ urgency: 'urgent' }), [b]);
  assert.deepEqual(ids({ from: '2026-06-12', to: '2026-06-14' }), [b]);
  assert.deepEqual(ids({ category: 'Vol', cameraId: 1 }), []);
  assert.deepEqual(ids({ cameraId: 12 }), [c]); // and camera 1 or 2 did not match [12]
});

test('a registry that refuses the entry leaves no report behind', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-inc-'));
  const store = new SqliteIncidentStore(dir);
  const registry = {
    append: () => {
      throw Object.assign(new Error('denied'), { code: 'EACCES' });
    },
  } as unknown as Registry;
  const h = incidentsHandlers({
    store,
    registry,
    events: new EventHub(),
    actor: () => AGENT,
    categories: () => ['Rixe'],
    knownCamera: () => true,
  });
  const r = h['incidents:report'].handle(input({ occurredAt: new Date().toISOString() }), ctx);
  assert.ok(!(r instanceof Promise));
  assert.equal(r.ok ? '' : r.error.code, 'storage_denied');
  assert.deepEqual(store.list({}), []);
});
