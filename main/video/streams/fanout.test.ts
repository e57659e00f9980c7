import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeFrame } from '../../../common/video-frame';
import {
  AccessUnitFanout,
  CACHE_MAX_BYTES,
  CACHE_MAX_UNITS,
  MAX_VIEWER_BACKLOG,
  type Viewer,
} from './fanout';

class FakeViewer implements Viewer {
  backlog = 0;
  got: { key: boolean; catchUp: boolean; timestamp: number; sentAt: number; byte: number }[] = [];
  send(d: Uint8Array | string): void {
    if (typeof d === 'string') return;
    const f = decodeFrame(d)!;
    this.got.push({
      key: f.key,
      catchUp: f.catchUp,
      timestamp: f.timestamp,
      sentAt: f.sentAt,
      byte: f.data[0]!,
    });
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

test('units carry the gateway send time; a new viewer catches up on the cached GOP, stamped as sent now', () => {
  const f = new AccessUnitFanout();
  const first = new FakeViewer();
  f.add(first, true);
  f.pushUnit(unit(1), false, 900); // before any key frame: never cached
  f.pushUnit(unit(2), true, 1000);
  f.pushUnit(unit(3), false, 1040);
  f.pushUnit(unit(4), false, 1080);
  assert.deepEqual(first.got.map((g) => [g.timestamp, g.sentAt]).slice(0, 3), [
    [900, 900],
    [1000, 1000],
    [1040, 1040],
  ]);
  const late = new FakeViewer();
  f.add(late, true, 5000);
  assert.deepEqual(
    late.got.map((g) => [g.byte, g.key, g.catchUp, g.timestamp, g.sentAt]),
    [
      [2, true, true, 1000, 5000],
      [3, false, true, 1040, 5000],
      [4, false, false, 1080, 5000], // the newest: the one the viewer shows
    ],
  );
  // The replayed copies did not alter what the first viewer was sent.
  assert.equal(first.got[1]!.sentAt, 1000);
});

test('the cache holds one GOP within its bounds; a GOP past them, or a stopped upstream, replays nothing', () => {
  const f = new AccessUnitFanout();
  f.pushUnit(unit(1), true, 0);
  for (let i = 1; i < CACHE_MAX_UNITS; i++) f.pushUnit(unit(2), false, i);
  assert.equal(f.cached.units, CACHE_MAX_UNITS);
  f.pushUnit(unit(3), false, CACHE_MAX_UNITS); // one unit too many: a GOP cut short is useless
  assert.deepEqual(f.cached, { units: 0, bytes: 0 });
  const v = new FakeViewer();
  f.add(v, true);
  assert.equal(v.got.length, 0);
  // The next key frame starts a new cache; bytes are bounded too.
  f.pushUnit(unit(4), true, 1000);
  assert.equal(f.cached.units, 1);
  const big = new Uint8Array(CACHE_MAX_BYTES / 2);
  f.pushUnit(big, false, 1040);
  f.pushUnit(big, false, 1080);
  assert.equal(f.cached.units, 0);
  f.pushUnit(unit(5), true, 2000);
  f.resetGop(); // the upstream stalled or restarts
  const w = new FakeViewer();
  f.add(w, true);
  assert.equal(w.got.length, 0);
});

test('a viewer catching up on a large GOP is not dropped for the backlog its own replay made', () => {
  const f = new AccessUnitFanout();
  f.pushUnit(new Uint8Array(MAX_VIEWER_BACKLOG), true, 0);
  f.pushUnit(new Uint8Array(MAX_VIEWER_BACKLOG), false, 40);
  const v = new FakeViewer();
  f.add(v, true, 100);
  v.backlog = f.cached.bytes; // the replay still in its socket
  f.pushUnit(unit(1), false, 80);
  assert.equal(v.got.at(-1)!.byte, 1, 'the live unit after the catch-up is sent');
  assert.equal(f.dropped(v), 0);
  // Once drained, the usual bound applies again.
  v.backlog = 0;
  f.pushUnit(unit(2), false, 120);
  v.backlog = MAX_VIEWER_BACKLOG + 1;
  f.pushUnit(unit(3), false, 160);
  assert.equal(v.got.at(-1)!.byte, 2);
  assert.equal(f.dropped(v), 1);
});
