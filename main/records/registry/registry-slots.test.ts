import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ViewingSessionView } from '../../../common/contract';
import { mergeSlots, pairSessions, type ViewRow } from './registry-slots';

const NOW = new Date('2026-11-29T12:00:00.000Z');
const op = (login: string) => ({ login, name: `N ${login}`, rank: 'GPX', service: 'CIC' });
const s = (cameraId: number, login: string, start: string, end: string | null): ViewingSessionView => ({
  cameraId,
  surface: 'console-tile',
  ...op(login),
  start: `2026-11-29T${start}:00.000Z`,
  end: end === null ? null : `2026-11-29T${end}:00.000Z`,
});
const brief = (slots: ReturnType<typeof mergeSlots>) =>
  slots.map(
    (x) =>
      `${x.cameraId} ${x.login} ${x.start.slice(11, 16)}-${x.end.slice(11, 16)}${x.open ? ' open' : ''} ×${x.sessions}`,
  );

test('overlapping sessions of one camera and operator make one slot', () => {
  assert.deepEqual(
    brief(
      mergeSlots(
        [s(1, 'a', '08:00', '08:30'), s(1, 'a', '08:10', '08:20'), s(1, 'a', '08:25', '09:00')],
        NOW,
      ),
    ),
    ['1 a 08:00-09:00 ×3'],
  );
});

test('touching sessions merge; a gap, even of a second, keeps two slots', () => {
  assert.deepEqual(brief(mergeSlots([s(1, 'a', '08:00', '08:30'), s(1, 'a', '08:30', '08:45')], NOW)), [
    '1 a 08:00-08:45 ×2',
  ]);
  const gap = mergeSlots(
    [s(1, 'a', '08:00', '08:30'), { ...s(1, 'a', '08:30', '08:45'), start: '2026-11-29T08:30:01.000Z' }],
    NOW,
  );
  assert.equal(gap.length, 2);
});

test('an open session ends now and marks its slot open, also when merged with closed ones', () => {
  assert.deepEqual(brief(mergeSlots([s(2, 'a', '11:00', '11:30'), s(2, 'a', '11:20', null)], NOW)), [
    '2 a 11:00-12:00 open ×2',
  ]);
  assert.deepEqual(brief(mergeSlots([s(2, 'a', '11:20', null), s(2, 'a', '11:30', '11:40')], NOW)), [
    '2 a 11:20-12:00 open ×2',
  ]);
});

test('different operators, or different cameras, never merge; slots come newest first', () => {
  assert.deepEqual(
    brief(
      mergeSlots(
        [
          s(1, 'a', '08:00', '09:00'),
          s(1, 'b', '08:30', '09:30'),
          s(3, 'a', '08:15', '08:45'),
          s(1, 'a', '10:00', '10:05'),
        ],
        NOW,
      ),
    ),
    ['1 a 10:00-10:05 ×1', '1 b 08:30-09:30 ×1', '3 a 08:15-08:45 ×1', '1 a 08:00-09:00 ×1'],
  );
});

test('sessions pair by viewId in entry order; an end without its start is ignored, a start without end stays open', () => {
  const row = (type: string, viewId: string | null, at: string): ViewRow => ({
    type,
    at: `2026-11-29T${at}:00.000Z`,
    ...op('a'),
    cameraId: 4,
    surface: 'wall',
    viewId,
  });
  const sessions = pairSessions([
    row('view.end', 'orphan', '07:00'),
    row('view.start', 'v1', '08:00'),
    row('view.start', 'v2', '08:05'),
    row('view.end', 'v1', '08:10'),
    row('view.start', null, '08:11'),
  ]);
  assert.deepEqual(
    sessions.map((x) => [x.start.slice(11, 16), x.end?.slice(11, 16) ?? null]),
    [
      ['08:00', '08:10'],
      ['08:05', null],
    ],
  );
  assert.deepEqual(brief(mergeSlots(sessions, NOW)), ['4 a 08:00-12:00 open ×2']);
});
