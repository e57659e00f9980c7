/** The operation's state machine, pure: every transition, and the ones it refuses. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nextWake, step, type MachineOperation } from './operation-machine';

const op = (state: MachineOperation['state']): MachineOperation => ({
  state,
  startAt: 1000,
  plannedEnd: 5000,
});
const value = <T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T => {
  assert.ok(r.ok, JSON.stringify(r));
  return r.value;
};

test('a scheduled operation starts at its start, becomes due at its planned end, and stays due', () => {
  assert.deepEqual(value(step(op('scheduled'), { kind: 'tick', now: 999 })).notes, []);
  const started = value(step(op('scheduled'), { kind: 'tick', now: 1000 }));
  assert.equal(started.state, 'running');
  assert.deepEqual(started.notes, [{ type: 'operation.start' }]);
  assert.equal(value(step(op('running'), { kind: 'tick', now: 4999 })).state, 'running');
  const due = value(step(op('running'), { kind: 'tick', now: 5000 }));
  assert.equal(due.state, 'due');
  assert.deepEqual(due.notes, [{ type: 'operation.due' }]);
  // Nothing ends silently: time passing never closes a due operation.
  const later = value(step(op('due'), { kind: 'tick', now: 10_000_000 }));
  assert.equal(later.state, 'due');
  assert.deepEqual(later.notes, []);
});

test('a post restarted after the planned end catches up in one step: started, then due', () => {
  const s = value(step(op('scheduled'), { kind: 'tick', now: 9000 }));
  assert.equal(s.state, 'due');
  assert.deepEqual(
    s.notes.map((n) => n.type),
    ['operation.start', 'operation.due'],
  );
});

test('extend takes running or due back to running with the new end; never from scheduled or closed', () => {
  for (const from of ['running', 'due'] as const) {
    const s = value(step(op(from), { kind: 'extend', plannedEnd: 9000, now: 6000 }));
    assert.equal(s.state, 'running');
    assert.equal(s.plannedEnd, 9000);
    assert.deepEqual(s.notes, [{ type: 'operation.extend' }]);
  }
  for (const from of ['scheduled', 'closed'] as const) {
    const r = step(op(from), { kind: 'extend', plannedEnd: 9000, now: 6000 });
    assert.ok(!r.ok && r.error.code === 'operation_state');
  }
  const past = step(op('due'), { kind: 'extend', plannedEnd: 5500, now: 6000 });
  assert.ok(!past.ok && past.error.params?.reason === 'end_past');
});

test('close: early before the planned end, not after; a closed operation cannot be closed again', () => {
  assert.deepEqual(value(step(op('running'), { kind: 'close', now: 2000 })).notes, [
    { type: 'operation.close', early: true },
  ]);
  const late = value(step(op('due'), { kind: 'close', now: 6000 }));
  assert.equal(late.state, 'closed');
  assert.deepEqual(late.notes, [{ type: 'operation.close', early: false }]);
  const again = step(op('closed'), { kind: 'close', now: 6000 });
  assert.ok(!again.ok && again.error.code === 'operation_state');
});

test('the timer wakes at the start of a scheduled operation, the end of a running one, never otherwise', () => {
  assert.equal(nextWake(op('scheduled')), 1000);
  assert.equal(nextWake(op('running')), 5000);
  assert.equal(nextWake(op('due')), null);
  assert.equal(nextWake(op('closed')), null);
});
