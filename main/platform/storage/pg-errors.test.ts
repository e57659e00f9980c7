import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pgFailure, pgUnreachable } from './pg-errors';

const coded = (code: string, message = 'x'): Error => Object.assign(new Error(message), { code });

test('a database out of reach is told apart from a refused statement', () => {
  for (const e of [
    coded('ECONNREFUSED'),
    coded('57P01', 'terminating connection due to administrator command'),
    coded('08006'),
    new Error('Connection terminated unexpectedly'),
    new Error('timeout exceeded when trying to connect'),
    new Error('shared store unreachable (ECONNREFUSED)', { cause: coded('ECONNREFUSED') }),
  ])
    assert.equal(pgUnreachable(e), true, e.message);
  for (const e of [
    coded('23505', 'duplicate key'),
    coded('42501', 'permission denied'),
    new Error('boom'),
    null,
  ])
    assert.equal(pgUnreachable(e), false, String(e));
});

test('a failure is reduced to its code, never its message (it may quote the URL)', () => {
  assert.equal(pgFailure(coded('ECONNREFUSED', 'connect postgres://vigie:secret@db')), 'ECONNREFUSED');
  assert.equal(pgFailure(new TypeError('postgres://vigie:secret@db')), 'TypeError');
});
