/** The status history keeps only transitions, survives a restart, and never stops the video on a write failure. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { StreamStatus } from '../../../common/contract';
import { cameraState, readTransitions, StatusHistory, STATUS_HISTORY_FILE } from './status-history';

const tmp = (): string => fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-history-'));
const status = (state: StreamStatus['state'], reason: StreamStatus['reason'] = null): StreamStatus => ({
  key: 'k',
  cameraId: 1,
  stream: 'sub',
  format: 'annexb',
  state,
  reason,
  lastFrameAt: null,
  codec: null,
  width: null,
  height: null,
});

test('a camera is idle with no stream, and plays if any of its streams plays', () => {
  assert.deepEqual(cameraState([]), { state: 'idle', reason: null });
  assert.deepEqual(cameraState([status('offline', 'auth'), status('playing')]), {
    state: 'playing',
    reason: null,
  });
  assert.deepEqual(cameraState([status('offline', 'unreachable'), status('reconnecting')]), {
    state: 'reconnecting',
    reason: null,
  });
  assert.deepEqual(cameraState([status('offline', 'unreachable')]), {
    state: 'offline',
    reason: 'unreachable',
  });
});

test('only changes are written; a restart closes what the last run left observed', () => {
  const dir = tmp();
  let now = 1_000;
  const h = new StatusHistory(dir, () => now);
  h.record(1, 'idle', null); // never seen: nothing to record
  h.record(1, 'connecting', null);
  now = 2_000;
  h.record(1, 'playing', null);
  h.record(1, 'playing', null);
  now = 3_000;
  h.record(2, 'offline', 'unreachable');
  h.flush();
  assert.deepEqual(
    readTransitions(dir, 0, 10_000).map((t) => [t.cameraId, t.at, t.state, t.reason]),
    [
      [1, 1_000, 'connecting', null],
      [1, 2_000, 'playing', null],
      [2, 3_000, 'offline', 'unreachable'],
    ],
  );
  // The period opens with each camera's last state before it.
  assert.deepEqual(
    readTransitions(dir, 2_500, 10_000).map((t) => [t.cameraId, t.at, t.state]),
    [
      [1, 2_000, 'playing'],
      [2, 3_000, 'offline'],
    ],
  );
  // A crash: no close. The next run marks them idle at its start.
  now = 9_000;
  const again = new StatusHistory(dir, () => now);
  again.flush();
  const after = readTransitions(dir, 8_000, 10_000).filter((t) => t.at === 9_000);
  assert.deepEqual(after.map((t) => [t.cameraId, t.state]).sort(), [
    [1, 'idle'],
    [2, 'idle'],
  ]);
  again.record(1, 'playing', null);
  now = 9_500;
  again.close();
  assert.deepEqual(
    readTransitions(dir, 9_001, 10_000)
      .filter((t) => t.cameraId === 1)
      .map((t) => [t.cameraId, t.at, t.state]),
    [
      [1, 9_000, 'playing'],
      [1, 9_500, 'idle'],
    ],
    'closing the post ends observation',
  );
});

test('a write failure is logged and dropped: record never throws, the next writes go through', () => {
  const dir = tmp();
  const h = new StatusHistory(dir);
  h.record(1, 'playing', null);
  h.flush();
  // The history file becomes unwritable under the post (as with a full disk).
  const db = path.join(dir, STATUS_HISTORY_FILE);
  const blocker = new DatabaseSync(db);
  blocker.exec('PRAGMA busy_timeout = 0; BEGIN EXCLUSIVE');
  h.record(1, 'stalled', null);
  assert.doesNotThrow(() => h.flush());
  blocker.exec('ROLLBACK');
  blocker.close();
  h.record(1, 'playing', null);
  h.flush();
  h.close();
  assert.deepEqual(
    readTransitions(dir, 0, Date.now() + 1000).map((t) => t.state),
    ['playing', 'playing', 'idle'],
    'the failed batch is dropped, later ones written',
  );
});

test('an unusable data folder disables the history without throwing', () => {
  const file = path.join(tmp(), 'not-a-folder');
  fs.writeFileSync(file, 'x');
  const h = new StatusHistory(file);
  assert.doesNotThrow(() => {
    h.record(1, 'playing', null);
    h.flush();
    h.close();
  });
  assert.deepEqual(readTransitions(file, 0, 1e15), []);
});
