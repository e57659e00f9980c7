import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeFrame } from '../../../common/video-frame';
import { AccessUnitFanout, MAX_VIEWER_BACKLOG, type Viewer } from './fanout';
import { nextPhase, type PhaseEvent, type SessionPhase } from './session-phase';

class FakeViewer implements Viewer {
  backlog = 0;
  got: { key: boolean; timestamp: number; sentAt: number; byte: number }[] = [];
  send(d: Uint8Array | string): void {
    if (typeof d === 'string') return;
    const f = decodeFrame(d)!;
    this.got.push({ key: f.key, timestamp: f.timestamp, sentAt: f.sentAt, byte: f.data[0]! });
  }
  bufferedAmount(): number {
    return this.backlog;
  }
  close(): void {}
}

const unit = (n: number): Uint8Array => Uint8Array.from([n]);

test('a slow viewer gets no delta unit until the next key frame; others are untouched', () => {
  const f = new AccessUnitFanout();
  const slow = new FakeViewer();
  const fast = new FakeViewer();
  f.add(slow, true);
  f.add(fast, true);
  f.pushUnit(unit(1), true, 1000);
  f.pushUnit(unit(2), false, 1040);
  slow.backlog = MAX_VIEWER_BACKLOG + 1;
  f.pushUnit(unit(3), false, 1080);
  slow.backlog = 0; // drained, but a delta without its reference would be garbage: wait for a key
  f.pushUnit(unit(4), false, 1120);
  f.pushUnit(unit(5), true, 1160);
  f.pushUnit(unit(6), false, 1200);
  assert.deepEqual(
    slow.got.map((g) => g.byte),
    [1, 2, 5, 6],
  );
  assert.deepEqual(
    fast.got.map((g) => g.byte),
    [1, 2, 3, 4, 5, 6],
  );
  assert.equal(f.dropped(slow), 2);
  // Still backed up at the key frame: the key frame is skipped too, never queued.
  slow.backlog = MAX_VIEWER_BACKLOG * 2;
  f.pushUnit(unit(7), true, 1240);
  assert.equal(slow.got.at(-1)!.byte, 6);
});

test('units carry the gateway send time; a new viewer gets the cached GOP stamped as sent now', () => {
  const f = new AccessUnitFanout();
  const first = new FakeViewer();
  f.add(first, true);
  f.pushUnit(unit(1), false, 900); // before any key frame: cached only until the key arrives
  f.pushUnit(unit(2), true, 1000);
  f.pushUnit(unit(3), false, 1040);
  assert.deepEqual(
    first.got.map((g) => [g.timestamp, g.sentAt]),
    [
      [900, 900],
      [1000, 1000],
      [1040, 1040],
    ],
  );
  const late = new FakeViewer();
  f.add(late, true, 5000);
  assert.deepEqual(
    late.got.map((g) => [g.byte, g.key, g.timestamp, g.sentAt]),
    [
      [2, true, 1000, 5000],
      [3, false, 1040, 5000],
    ],
  );
  // The replayed copies did not alter what the first viewer was sent.
  assert.equal(first.got[1]!.sentAt, 1000);
});

test('session phases: stall, codec switch, exit and close follow the state machine', () => {
  const run = (events: PhaseEvent[], from: SessionPhase = 'waiting'): SessionPhase[] => {
    const out: SessionPhase[] = [];
    let p = from;
    for (const e of events) out.push((p = nextPhase(p, e)));
    return out;
  };
  assert.deepEqual(run(['spawn', 'stall', 'exit', 'spawn']), [
    'running',
    'stall-killed',
    'waiting',
    'running',
  ]);
  assert.deepEqual(run(['spawn', 'codec-switch', 'exit']), ['running', 'respawning', 'running']);
  assert.deepEqual(run(['spawn', 'exit', 'spawn']), ['running', 'waiting', 'running']);
  // Events that do not apply change nothing.
  assert.equal(nextPhase('waiting', 'stall'), 'waiting');
  assert.equal(nextPhase('waiting', 'exit'), 'waiting');
  assert.equal(nextPhase('stall-killed', 'codec-switch'), 'stall-killed');
  assert.equal(nextPhase('respawning', 'stall'), 'respawning');
  assert.equal(nextPhase('running', 'spawn'), 'running');
  // Close is final from anywhere.
  for (const p of ['waiting', 'running', 'stall-killed', 'respawning'] as const)
    assert.equal(nextPhase(p, 'close'), 'closed');
  for (const e of ['spawn', 'stall', 'codec-switch', 'exit', 'close'] as const)
    assert.equal(nextPhase('closed', e), 'closed');
});
