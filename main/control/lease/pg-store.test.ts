import assert from 'node:assert/strict';
import test from 'node:test';
import { LISTENER_TRANSITIONS, type ListenerName } from './pg-store';

const STATES = Object.keys(LISTENER_TRANSITIONS) as ListenerName[];

test('the LISTEN connection can be closed from every state, and closed is final', () => {
  for (const s of STATES) if (s !== 'closed') assert.ok(LISTENER_TRANSITIONS[s].includes('closed'), s);
  assert.deepEqual(LISTENER_TRANSITIONS.closed, []);
});

test('a lost LISTEN connection is retried, never listening again without a new connection', () => {
  assert.deepEqual(LISTENER_TRANSITIONS.lost, ['reconnecting', 'closed']);
  assert.deepEqual(
    STATES.filter((s) => LISTENER_TRANSITIONS[s].includes('listening')),
    ['connecting', 'reconnecting'],
  );
});

test('the first connection is made once: a retry is reconnecting, so the cameras are re-read', () => {
  assert.deepEqual(
    STATES.filter((s) => LISTENER_TRANSITIONS[s].includes('connecting')),
    [],
  );
  assert.ok(LISTENER_TRANSITIONS.connecting.includes('lost'));
});
