import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sameSecret } from './secret';

test('a secret matches itself only: not a prefix, a longer string or another case', () => {
  assert.equal(sameSecret('k3y-abc', 'k3y-abc'), true);
  for (const other of ['k3y-ab', 'k3y-abcd', 'K3Y-ABC', '', 'k3y-abc\u0000'])
    assert.equal(sameSecret(other, 'k3y-abc'), false, JSON.stringify(other));
});
