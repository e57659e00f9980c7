import assert from 'node:assert/strict';
import test from 'node:test';
import { STRICT_IN_TESTS, allowed, type Transitions } from './transitions';

type S = 'idle' | 'busy' | 'closed';
const TABLE: Transitions<S> = { idle: ['busy', 'closed'], busy: ['idle', 'closed'], closed: [] };

test('a move the table allows is allowed, and logs nothing', () => {
  const errors: string[] = [];
  const log = { error: (m: string) => errors.push(m) };
  assert.equal(allowed(TABLE, 'idle', 'busy', { what: 'job', log, strict: false }), true);
  assert.equal(allowed(TABLE, 'busy', 'closed', { what: 'job', log, strict: true }), true);
  assert.deepEqual(errors, []);
});

test('an illegal move throws when strict, which is the default under node --test', () => {
  assert.equal(STRICT_IN_TESTS, true);
  const log = { error: () => assert.fail('strict never only logs') };
  assert.throws(
    () => allowed(TABLE, 'closed', 'busy', { what: 'job', log }),
    /job: no transition closed → busy/,
  );
});

test('in the product an illegal move is logged and refused', () => {
  const errors: string[] = [];
  const log = { error: (m: string) => errors.push(m) };
  assert.equal(allowed(TABLE, 'closed', 'idle', { what: 'job', log, strict: false }), false);
  assert.deepEqual(errors, ['job: no transition closed → idle']);
});
