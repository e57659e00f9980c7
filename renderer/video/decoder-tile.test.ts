import { test } from 'node:test';
import assert from 'node:assert/strict';
import { KEY_ONLY_MS, keyOnly, keyOutcome } from './decoder-tile';

test('a tile whose key frames come out late twice running decodes key frames only, for a while', () => {
  const t = { lateKeys: 0, keyOnlyUntil: 0 };
  const now = 1_000_000;
  keyOutcome(t, true, now);
  assert.equal(keyOnly(t, now), false, 'one late key frame: still every frame');
  keyOutcome(t, false, now + 2000);
  keyOutcome(t, true, now + 4000);
  assert.equal(keyOnly(t, now + 4000), false, 'a key frame shown in between starts the count again');
  keyOutcome(t, true, now + 6000);
  assert.equal(keyOnly(t, now + 6000), true, 'two running: key frames only');
  assert.equal(keyOnly(t, now + 6000 + KEY_ONLY_MS - 1), true);
  // Key frames shown meanwhile do not end it early: the post needs the time to catch up.
  keyOutcome(t, false, now + 8000);
  assert.equal(keyOnly(t, now + 8000), true);
  assert.equal(keyOnly(t, now + 6000 + KEY_ONLY_MS + 1), false, 'then every frame again');
  assert.equal(t.keyOnlyUntil, 0);
});
