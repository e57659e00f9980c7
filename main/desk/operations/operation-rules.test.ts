/** What an operation may be: each refusal is a code naming what is wrong, in the operator's words. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { operationsHandlers } from './operations-handlers';
import { checkExtension, checkOperation, type CheckContext } from './operation-rules';
import { input, MIN, T0 } from '../../../test-support/desk/operations-clock';

const ctx: CheckContext = {
  now: T0,
  cameraKnown: (id) => id <= 6,
  preset: (n) => (n.trim().toLowerCase() === 'salle de crise' ? 'Salle de crise' : null),
};
const reason = (r: ReturnType<typeof checkOperation>): unknown => (r.ok ? 'ok' : r.error.params?.reason);
const iso = (ms: number) => new Date(ms).toISOString();

test('a complete operation is accepted, trimmed, cameras de-duplicated, preset named as stored', () => {
  const r = checkOperation(
    input({ name: '  Hirondelle  ', cameras: [2, 1, 2], preset: ' salle DE crise ' }),
    ctx,
  );
  assert.ok(r.ok);
  assert.equal(r.value.name, 'Hirondelle');
  assert.deepEqual(r.value.cameras, [2, 1]);
  assert.equal(r.value.preset, 'Salle de crise');
  assert.equal(r.value.plannedEnd, iso(T0 + 30 * MIN));
});

test('each missing or inconsistent field is refused with its own reason', () => {
  assert.equal(reason(checkOperation(input({ requester: '' }), ctx)), 'requester');
  assert.equal(reason(checkOperation(input({ requester: '   \t ' }), ctx)), 'requester');
  assert.equal(reason(checkOperation(input({ name: '' }), ctx)), 'name');
  assert.equal(reason(checkOperation(input({ legalRef: ' ' }), ctx)), 'legal_ref');
  assert.equal(reason(checkOperation(input({ cameras: [] }), ctx)), 'cameras');
  assert.equal(reason(checkOperation(input({ cameras: [1, 9] }), ctx)), 'unknown_camera');
  assert.equal(reason(checkOperation(input({ preset: 'Stade' }), ctx)), 'preset');
  assert.equal(reason(checkOperation(input({ plannedEnd: iso(T0 - MIN) }), ctx)), 'end_before_start');
  assert.equal(reason(checkOperation(input({ plannedEnd: iso(T0) }), ctx)), 'end_before_start');
  assert.equal(reason(checkOperation(input({ plannedEnd: iso(T0 + 40 * 24 * 60 * MIN) }), ctx)), 'too_long');
  assert.equal(reason(checkOperation(input({ startAt: '2026-06-01 08:00' }), ctx)), 'start');
  assert.equal(reason(checkOperation(input({ startAt: iso(T0 - 2 * 24 * 60 * MIN) }), ctx)), 'start');
  assert.equal(reason(checkOperation(input({ plannedEnd: 'demain' }), ctx)), 'end');
  // Started an hour ago (the requisition came by phone), but planned to end before now.
  const late = input({ startAt: iso(T0 - 60 * MIN), plannedEnd: iso(T0 - MIN) });
  assert.equal(reason(checkOperation(late, ctx)), 'end_past');
});

test('the boundary shape refuses malformed payloads before any handler', () => {
  const defs = operationsHandlers({} as never, () => null);
  const s = defs['operations:create'].input;
  assert.ok(s.safeParse(input()).success);
  assert.ok(!s.safeParse({ ...input(), extra: 1 }).success);
  assert.ok(!s.safeParse({ ...input(), cameras: 'tout' }).success);
  assert.ok(!s.safeParse({ ...input(), cameras: [1.5] }).success);
  assert.ok(!s.safeParse({ ...input(), kind: 'arrestation' }).success);
  assert.ok(!s.safeParse({ ...input(), name: 'x'.repeat(121) }).success);
  // The text rule (common/text.ts), field by field, at the boundary.
  for (const field of ['name', 'requester', 'legalRef', 'preset'] as const)
    assert.ok(!s.safeParse({ ...input(), [field]: 'Hiron\u0007delle' }).success, field);
  assert.ok(!s.safeParse({ ...input(), cameras: Array.from({ length: 65 }, (_, i) => i + 1) }).success);
  const { requester: _r, ...noRequester } = input();
  assert.ok(!s.safeParse(noRequester).success);
  assert.ok(!defs['operations:extend'].input.safeParse({ id: -1, plannedEnd: iso(T0) }).success);
});

test('an extension must end after now, within one period', () => {
  assert.ok(checkExtension(iso(T0 + MIN), T0).ok);
  const past = checkExtension(iso(T0 - MIN), T0);
  assert.ok(!past.ok && past.error.params?.reason === 'end_past');
  const long = checkExtension(iso(T0 + 32 * 24 * 60 * MIN), T0);
  assert.ok(!long.ok && long.error.params?.reason === 'too_long');
});
