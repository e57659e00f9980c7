/**
 * Integration: cameras coming back, on the real gateway, real ffmpeg and the loopback RTSP relay.
 * Both found by the soak (npm run soak): a 4 s-GOP camera restarted every 4 s, each time just before
 * its key frame; and cameras whose RTSP server came back waited out a backoff of up to 10 s (CI
 * then found the relay turning the first attempt away while it started, and the backoff resuming).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { captureLog } from '../../../test-support/platform/log-capture';
import { gatewayLab, nextFrame } from '../../../test-support/video/gateway-lab';

const GOP_S = 8;
// Cameras that are always on (gateway-lab.ts): the relay answers at once, whatever their GOP.
const rig = gatewayLab([GOP_S, 1]);
const { lab, statuses, open } = rig;

test(
  'a viewer who joins just after a key frame waits for the next one: never called stalled, no restart',
  { timeout: 60_000 },
  async () => {
    // The camera starts a GOP now: its next key frame is 8 s away, longer than the 3 s watchdog.
    await lab.killPublisher(0);
    lab.startPublisher(0);
    await new Promise((r) => setTimeout(r, 1000));
    const joinedAt = Date.now();
    const ws = open(1);
    const first = await nextFrame(ws, 3 * GOP_S * 1000);
    ws.close();
    assert.ok(first, 'the camera plays');
    assert.equal(first.key, true);
    await new Promise((r) => setTimeout(r, 500));
    const seen = statuses.filter((x) => x.at >= joinedAt && x.at <= first.at + 500).map((x) => x.s.state);
    assert.deepEqual(
      seen.filter((s) => s !== 'connecting'),
      ['playing'],
      'waiting for the first key frame is connecting, not a stall followed by a restart',
    );
    assert.ok(first.at - joinedAt < (GOP_S + 3) * 1000, `first frame after ${first.at - joinedAt} ms`);
  },
);

test(
  'a camera whose RTSP server refused connections plays again within seconds of its return, however long the backoff grew',
  { timeout: 90_000 },
  async () => {
    const ws = open(2);
    assert.ok(await nextFrame(ws, 20_000), 'the camera plays first');
    const log = captureLog();
    try {
      await lab.stopServer();
      // Five refusals in a row: the gateway's next attempt is then 8 s away.
      const until = Date.now() + 40_000;
      while (
        !log.lines.some((l) => /ffmpeg for 2:main:annexb exited .*attempt 5\)/.test(l)) &&
        Date.now() < until
      )
        await new Promise((r) => setTimeout(r, 50));
      assert.ok(Date.now() < until, 'the gateway kept trying');
    } finally {
      log.restore();
    }
    await lab.startServer();
    const accepting = Date.now();
    const next = nextFrame(ws, 30_000);
    // The lab's relay accepts connections before it serves them (a mount is ready once it has seen
    // a key frame, 8 s away at worst): the camera is back when the lab's own client plays it.
    assert.ok(await lab.whenKept(30_000), 'the lab serves again');
    const back = Date.now();
    const frame = await next;
    ws.close();
    assert.ok(frame, 'the camera plays again');
    // A GOP of 1 s: an attempt that the relay turned away while it started is tried again within
    // half a second, not after the backoff that five refusals grew (8 to 10 s).
    const late = Math.max(0, frame.at - back);
    assert.ok(
      late < 1500,
      `live again ${late} ms after the lab served again (${frame.at - accepting} ms after it accepted)`,
    );
  },
);
