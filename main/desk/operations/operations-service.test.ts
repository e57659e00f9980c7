/**
 * The operations service on a real registry and a real SQLite store, its timer on a manual clock:
 * the planned end is reached without sleeping, pushes a prompt and stays due; a restarted post
 * finds its operations again; bad input changes nothing.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { RETRY_MS } from './operations-service';
import { CHEF, input, MIN, openOps, T0, type OpsPost } from '../../../test-support/desk/operations-clock';

const posts: OpsPost[] = [];
after(() => {
  for (const p of posts) {
    try {
      p.stop();
    } catch {
      /* already stopped */
    }
    fs.rmSync(p.dir, { recursive: true, force: true });
  }
});
const open = (o: Parameters<typeof openOps>[0] = {}): OpsPost => {
  const p = openOps(o);
  posts.push(p);
  return p;
};
const by = { actor: CHEF, wall: true };
const value = <T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T => {
  assert.ok(r.ok, JSON.stringify(r));
  return r.value;
};

test('starting records operation.start with the agreed data, applies its preset, and tags its cameras', async () => {
  const p = open();
  const started = value(await p.service.create(input({ preset: 'salle de crise' }), by));
  const op = started.operation;
  assert.equal(op.state, 'running');
  assert.equal(started.wall, 'applied');
  assert.deepEqual(p.recalled, ['Salle de crise']);
  assert.deepEqual(p.story(), [
    {
      type: 'operation.start',
      login: 'chef',
      data: {
        operationId: op.id,
        name: 'Opération Hirondelle',
        kind: 'missing',
        requester: 'OPJ Durand, commissariat central',
        legalRef: 'REQ-2026-0042',
        cameras: [1, 2],
        preset: 'Salle de crise',
        plannedEnd: new Date(T0 + 30 * MIN).toISOString(),
      },
    },
  ]);
  assert.deepEqual(p.service.tagFor(2), { operationId: op.id, name: 'Opération Hirondelle' });
  assert.equal(p.service.tagFor(3), null);
  assert.equal(p.changes.at(-1)?.[0]?.state, 'running');
});

test('without the wall right the operation starts, but its preset is not applied, and that is said', async () => {
  const p = open();
  const started = value(await p.service.create(input({ preset: 'Salle de crise' }), { ...by, wall: false }));
  assert.equal(started.wall, 'no-right');
  assert.equal(started.operation.state, 'running');
  assert.deepEqual(p.recalled, []);
});

test('at the planned end the operation becomes due, is pushed once, and stays due until closed', async () => {
  const p = open();
  const op = value(await p.service.create(input(), by)).operation;
  p.clock.advance(30 * MIN - 1);
  assert.equal(p.due.length, 0);
  p.clock.advance(1);
  assert.equal(p.due.length, 1);
  assert.equal(p.due[0]?.id, op.id);
  assert.equal(p.service.list()[0]?.state, 'due');
  p.clock.advance(48 * 60 * MIN);
  assert.equal(p.service.list()[0]?.state, 'due', 'nothing ends silently');
  assert.equal(p.due.length, 1);
  assert.deepEqual(p.service.tagFor(1), { operationId: op.id, name: op.name }, 'overdue still tags');
  const closed = value(p.service.close(op.id, CHEF));
  assert.equal(closed.state, 'closed');
  assert.equal(closed.closedBy, 'chef');
  assert.equal(p.service.tagFor(1), null);
  assert.deepEqual(
    p.story().map((e) => [e.type, e.login, e.data.early]),
    [
      ['operation.start', 'chef', undefined],
      ['operation.due', '', undefined],
      ['operation.close', 'chef', false],
    ],
  );
  assert.equal(p.clock.pending(), 0, 'no timer left for a closed operation');
});

test('extend takes a due operation back to running; its new end is due in turn', async () => {
  const p = open();
  const op = value(await p.service.create(input(), by)).operation;
  p.clock.advance(30 * MIN);
  const newEnd = new Date(p.clock.now() + 15 * MIN).toISOString();
  const ext = value(p.service.extend(op.id, newEnd, CHEF));
  assert.equal(ext.state, 'running');
  assert.equal(ext.plannedEnd, newEnd);
  assert.deepEqual(p.story().at(-1), {
    type: 'operation.extend',
    login: 'chef',
    data: { operationId: op.id, plannedEnd: newEnd },
  });
  p.clock.advance(15 * MIN);
  assert.equal(p.due.length, 2);
  assert.equal(p.service.list()[0]?.state, 'due');
});

test('a scheduled operation starts by itself at its start, without the preset', async () => {
  const p = open();
  const later = input({
    preset: 'Salle de crise',
    startAt: new Date(T0 + 60 * MIN).toISOString(),
    plannedEnd: new Date(T0 + 120 * MIN).toISOString(),
  });
  const started = value(await p.service.create(later, by));
  assert.equal(started.operation.state, 'scheduled');
  assert.equal(started.wall, 'none');
  assert.equal(p.service.tagFor(1), null, 'not tagged before it starts');
  assert.deepEqual(p.story(), []);
  p.clock.advance(60 * MIN);
  assert.equal(p.service.list()[0]?.state, 'running');
  assert.equal(p.story()[0]?.type, 'operation.start');
  assert.equal(p.service.tagFor(1)?.operationId, started.operation.id);
});

test('a restarted post finds its running and due operations again, and catches up with the time passed', async () => {
  const p = open();
  const a = value(await p.service.create(input({ name: 'A' }), by)).operation;
  const b = value(
    await p.service.create(
      input({ name: 'B', cameras: [3], plannedEnd: new Date(T0 + 90 * MIN).toISOString() }),
      by,
    ),
  ).operation;
  p.clock.advance(45 * MIN); // A is due, B runs
  p.stop();
  p.clock.advance(60 * MIN); // the post is off while B's end passes
  const q = open({ dir: p.dir, clock: p.clock });
  const states = Object.fromEntries(q.service.list().map((o) => [o.name, o.state]));
  assert.deepEqual(states, { A: 'due', B: 'due' });
  assert.deepEqual(
    q.due.map((o) => o.id),
    [b.id],
    'only B became due while the post was off',
  );
  assert.equal(q.service.tagFor(3)?.operationId, b.id);
  assert.equal(q.service.tagFor(1)?.operationId, a.id);
  assert.equal(q.story().filter((e) => e.type === 'operation.due').length, 2);
});

test('bad input gets its reason and changes nothing: no row, no entry, no push', async () => {
  const p = open();
  const noRequester = await p.service.create(input({ requester: '' }), by);
  assert.ok(!noRequester.ok && noRequester.error.params?.reason === 'requester');
  const backwards = await p.service.create(input({ plannedEnd: new Date(T0 - 10 * MIN).toISOString() }), by);
  assert.ok(!backwards.ok && backwards.error.params?.reason === 'end_before_start');
  assert.deepEqual(p.service.list(), []);
  assert.deepEqual(p.story(), []);
  assert.deepEqual(p.changes, []);
  assert.deepEqual(p.recalled, []);
  const unknown = p.service.close(99, CHEF);
  assert.ok(!unknown.ok && unknown.error.code === 'operation_unknown');
});

test('two operations on one camera: its entries carry the one started last', async () => {
  const p = open();
  value(await p.service.create(input({ name: 'Ancienne', cameras: [4] }), by));
  p.clock.advance(MIN);
  const recent = value(
    await p.service.create(
      input({ name: 'Récente', cameras: [4], startAt: new Date(p.clock.now()).toISOString() }),
      by,
    ),
  ).operation;
  assert.equal(p.service.tagFor(4)?.name, 'Récente');
  value(p.service.close(recent.id, CHEF));
  assert.equal(p.service.tagFor(4)?.name, 'Ancienne');
});

test('a step the registry cannot record is retried later, never in a loop, and the operation stays as it was', async () => {
  const p = open();
  const op = value(await p.service.create(input(), by)).operation;
  p.registry.close(); // every append now throws
  p.clock.advance(30 * MIN);
  assert.equal(p.due.length, 0, 'not due: the registry does not hold it');
  assert.equal(p.service.list()[0]?.state, 'running');
  assert.equal(p.clock.pending(), 1, 'one retry armed');
  p.clock.advance(RETRY_MS * 3); // a loop would never return from here
  assert.equal(p.service.tagFor(1)?.operationId, op.id);
});
