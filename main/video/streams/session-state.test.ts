import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { OfflineReason } from '../../../common/contract';
import { INITIAL_STATE, nextState, shownStatus, type SessionEvent, type SessionState } from './session-state';

const run = (events: SessionEvent[], from: SessionState = INITIAL_STATE): string[] => {
  const out: string[] = [];
  let s = from;
  for (const e of events) {
    s = nextState(s, e);
    const shown = shownStatus(s);
    out.push(`${s.name}:${shown.state}${shown.reason ? `/${shown.reason}` : ''}`);
  }
  return out;
};
const exit = (offline: boolean, reason: OfflineReason | null = null): SessionEvent => ({
  type: 'exit',
  offline,
  reason,
});

test('the displayed status follows from the one state: start, picture, stall, restart', () => {
  assert.deepEqual(shownStatus(INITIAL_STATE), { state: 'connecting', reason: null });
  assert.deepEqual(
    run([{ type: 'picture' }, { type: 'stall' }, exit(false), { type: 'spawn' }, { type: 'picture' }]),
    [
      'playing:playing',
      'stall-killed:stalled',
      'waiting:reconnecting',
      'starting:reconnecting',
      'playing:playing',
    ],
  );
});

test('failures show reconnecting, then offline with their reason until a picture comes', () => {
  assert.deepEqual(
    run([exit(false, 'unreachable'), { type: 'spawn' }, exit(true, 'unreachable'), { type: 'spawn' }]),
    [
      'waiting:reconnecting/unreachable',
      'starting:reconnecting/unreachable',
      'waiting:offline/unreachable',
      'starting:offline/unreachable',
    ],
  );
});

test('a codec switch restarts at once, showing what it showed; an unsupported codec ends offline', () => {
  assert.deepEqual(run([{ type: 'codec-switch' }, exit(false), { type: 'picture' }]), [
    'respawning:connecting',
    'starting:connecting',
    'playing:playing',
  ]);
  assert.deepEqual(run([{ type: 'unsupported' }, { type: 'spawn' }]), [
    'closed:offline/codec',
    'closed:offline/codec',
  ]);
});

test('events that do not apply change nothing; closed is final and keeps what it showed', () => {
  const waiting = nextState(INITIAL_STATE, exit(false, 'error'));
  for (const e of [
    { type: 'stall' },
    { type: 'picture' },
    { type: 'codec-switch' },
    exit(false),
  ] as SessionEvent[])
    assert.equal(nextState(waiting, e), waiting);
  const killed = nextState(nextState(INITIAL_STATE, { type: 'picture' }), { type: 'stall' });
  assert.equal(nextState(killed, { type: 'codec-switch' }), killed);
  assert.equal(nextState(INITIAL_STATE, { type: 'stall' }), INITIAL_STATE);
  const closed = nextState(killed, { type: 'close' });
  assert.deepEqual(shownStatus(closed), { state: 'stalled', reason: null });
  for (const e of [
    { type: 'spawn' },
    { type: 'picture' },
    { type: 'close' },
    exit(true, 'auth'),
  ] as SessionEvent[])
    assert.equal(nextState(closed, e), closed);
});
