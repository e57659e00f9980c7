import assert from 'node:assert/strict';
import test from 'node:test';
import { LINK_TRANSITIONS, type LinkName } from './remote-controller';

const STATES = Object.keys(LINK_TRANSITIONS) as LinkName[];

test('the wall link can be closed from every state, and closed is final', () => {
  for (const s of STATES) if (s !== 'closed') assert.ok(LINK_TRANSITIONS[s].includes('closed'), s);
  assert.deepEqual(LINK_TRANSITIONS.closed, []);
});

test('the wall link is up only from connecting, and a pin mismatch never follows up', () => {
  assert.deepEqual(
    STATES.filter((s) => LINK_TRANSITIONS[s].includes('up')),
    ['connecting'],
  );
  assert.ok(!LINK_TRANSITIONS.up.includes('wall-pin-mismatch'));
});

test('every way the link ends leads back to connecting, never straight to up', () => {
  for (const s of ['down', 'refused-by-wall', 'wall-pin-mismatch'] as const)
    assert.deepEqual(LINK_TRANSITIONS[s], ['connecting', 'closed']);
});
