import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RateLimiter } from './rate-limit';

test('a heavy channel passes its burst, then its rate; per client; other channels are never limited', () => {
  let now = 0;
  const limits = new RateLimiter({ 'map:plan': { burst: 4, perSecond: 0.5 } }, () => now);
  const passed = Array.from({ length: 150 }, () => limits.take('a', 'map:plan')).filter(Boolean).length;
  assert.equal(passed, 4);
  assert.equal(limits.take('b', 'map:plan'), true, 'another client has its own bucket');
  assert.equal(limits.take('a', 'app:info'), true);
  now = 1999;
  assert.equal(limits.take('a', 'map:plan'), false);
  now = 2000;
  assert.equal(limits.take('a', 'map:plan'), true, 'one more every 2 s');
  assert.equal(limits.take('a', 'map:plan'), false);
  now = 60_000;
  assert.equal(Array.from({ length: 10 }, () => limits.take('a', 'map:plan')).filter(Boolean).length, 4);
});
