/**
 * Integration: streams that keep flowing with no viewer (issue 22), on the real gateway, real
 * ffmpeg and the loopback RTSP relay, with 4 s GOPs: a new viewer of a kept stream catches up on
 * the cached units at once and ends on a current one; only the most recently viewed are kept,
 * besides the mosaic's and wall's cameras; a camera that stops is never replayed from the cache.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import WebSocket from 'ws';
import { decodeFrame, type DecodedFrame } from '../../../common/video-frame';
import { gatewayLab } from '../../../test-support/video/gateway-lab';
import { CACHE_MAX_BYTES, CACHE_MAX_UNITS } from './fanout';

/** The cameras on the post's mosaic or wall, as the gateway reads them. */
const pinned = new Set<number>();
const rig = gatewayLab([4, 4], { idleMs: 100, stallMs: 1500, keepStreams: 1, pinned: () => pinned });
const { lab, statuses, open } = rig;

/** Collects this viewer's units until `done` says so (or 20 s pass). */
function units(ws: WebSocket, done: (got: DecodedFrame[]) => boolean): Promise<DecodedFrame[]> {
  return new Promise((resolve) => {
    const got: DecodedFrame[] = [];
    const t = setTimeout(() => finish(), 20_000);
    const on = (d: WebSocket.RawData, bin: boolean): void => {
      const f = bin ? decodeFrame(new Uint8Array(d as Buffer)) : null;
      if (!f) return;
      got.push({ ...f, data: f.data.slice(0, 1) });
      if (done(got)) finish();
    };
    const finish = (): void => {
      clearTimeout(t);
      ws.off('message', on);
      resolve(got);
    };
    ws.on('message', on);
  });
}

async function until(cond: () => boolean, what: string, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) assert.fail(what);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const closed = (ws: WebSocket): Promise<void> =>
  new Promise((r) => {
    ws.once('close', () => r());
    ws.close();
  });

test('a kept stream flows with no viewer; a new viewer catches up on its GOP and ends on a current unit', async () => {
  const first = open(1);
  // Past a key frame and well into the 4 s GOP, so the cache holds many units.
  await units(first, (got) => got.some((f) => f.key) && got.length >= 60);
  await closed(first);
  await until(() => rig.gateway.keptSessions() === 1, 'camera 1 kept flowing with no viewer');
  const joinedAt = Date.now();
  const late = open(1);
  const got = await units(late, (g) => g.some((f) => !f.catchUp));
  const catchUp = got.filter((f) => f.catchUp);
  assert.equal(got[0]?.key, true, 'the catch-up starts on the cached key frame');
  assert.ok(catchUp.length >= 2, `caught up on ${catchUp.length} cached units`);
  const shown = got.at(-1)!;
  assert.equal(shown.catchUp, false, 'the last replayed unit is the one to show');
  // Current: the gateway received the shown unit within one frame period or so of the join.
  assert.ok(joinedAt - shown.timestamp < 300, `the shown unit is ${joinedAt - shown.timestamp} ms old`);
  const s = (
    rig.gateway as unknown as { sessions: Map<string, { cached: { units: number; bytes: number } }> }
  ).sessions;
  for (const x of s.values())
    assert.ok(x.cached.units <= CACHE_MAX_UNITS && x.cached.bytes <= CACHE_MAX_BYTES);
  await closed(late);
});

test('only the most recently viewed streams are kept; the others stop', async () => {
  const b = open(2);
  await units(b, (got) => got.length >= 1);
  await closed(b);
  // Camera 2 was viewed last: it is the one kept (keepStreams 1); camera 1's stream stops.
  await until(
    () => rig.gateway.activeSessions() === 1 && rig.gateway.keptSessions() === 1,
    'one stream kept',
  );
  assert.ok(rig.gateway.statuses().some((x) => x.cameraId === 2));
  assert.equal(
    (rig.gateway as unknown as { sessions: Map<string, { cameraId: number }> }).sessions.values().next().value
      ?.cameraId,
    2,
  );
});

test('a camera on the mosaic or wall flows on whatever its recency, until it leaves them', async () => {
  pinned.add(1);
  for (const camera of [1, 2]) {
    const v = open(camera);
    await units(v, (got) => got.length >= 1);
    await closed(v);
  }
  // keepStreams 1 is taken by camera 2, viewed last; camera 1 flows on, pinned.
  await until(() => rig.gateway.keptSessions() === 2, 'both streams kept with no viewer');
  await new Promise((r) => setTimeout(r, 500));
  assert.equal(rig.gateway.activeSessions(), 2, 'the pinned stream is still flowing');
  pinned.delete(1);
  rig.gateway.keptChanged();
  await until(() => rig.gateway.activeSessions() === 1, 'camera 1 stops once off the mosaic and wall');
  assert.ok(rig.gateway.statuses().some((x) => x.cameraId === 2));
});

test('a kept camera that stops shows stalled, and a new viewer never gets its cache', async () => {
  await lab.killPublisher(1);
  await until(
    () => statuses.some((x) => x.s.cameraId === 2 && x.s.state === 'stalled'),
    'camera 2 shown stalled',
  );
  const stalledAt = statuses.find((x) => x.s.cameraId === 2 && x.s.state === 'stalled')!.at;
  const v = open(2);
  const firstUnit = units(v, (got) => got.length >= 1);
  lab.startPublisher(1);
  const [f] = await firstUnit;
  assert.ok(f, 'the camera plays again');
  assert.ok(f.timestamp > stalledAt, 'the first unit shown after the stall is a new one, not a cached one');
  await closed(v);
});
