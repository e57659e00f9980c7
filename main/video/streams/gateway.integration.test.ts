/** Integration: the real gateway and real ffmpeg against a real RTSP server on loopback. */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { RtspLab } from '../../../test-support/video/rtsp-lab';
import { CredentialStore } from '../cameras/credentials';
import type { Camera } from '../cameras/inventory-schema';
import { EventHub } from '../../platform/ipc/router';
import type { StreamStatus } from '../../../common/contract';
import { decodeFrame } from '../../../common/video-frame';
import { StreamGateway } from './gateway';

const lab = new RtspLab({ cameras: [{ width: 640, height: 360 }], mjpeg: true });
const authLab = new RtspLab({
  cameras: [{ width: 320, height: 180 }],
  auth: { user: 'csu', password: 'right' },
});
let gateway: StreamGateway;
const statuses: StreamStatus[] = [];

before(async () => {
  await Promise.all([lab.start(), authLab.start()]);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-gw-'));
  fs.writeFileSync(
    path.join(dir, 'credentials.json'),
    JSON.stringify({ wrong: { username: 'csu', password: 'nope' } }),
  );
  const cams: Camera[] = [
    { id: 1, name: 'A', site: 'S', zone: '', streams: { main: lab.url(0) } },
    {
      id: 2,
      name: 'B',
      site: 'S',
      zone: '',
      streams: { main: authLab.url(0).replace('csu:right@', '') },
      credentialsRef: 'wrong',
    },
    { id: 3, name: 'C', site: 'S', zone: '', streams: { main: lab.mjpegUrl() } },
  ];
  const events = new EventHub();
  events.add((e, p) => {
    if (e === 'streams:status') statuses.push(p as StreamStatus);
  });
  gateway = new StreamGateway({
    ffmpegPath: 'ffmpeg',
    credentials: CredentialStore.inDir(dir),
    events,
    lookupCamera: (id) => cams.find((c) => c.id === id),
    idleMs: 300,
    keepStreams: 0, // streams stop with their last viewer here (kept streams: kept-streams.integration.test.ts)
  });
  await gateway.listen();
});

after(async () => {
  await gateway.close();
  await Promise.all([lab.stop(), authLab.stop()]);
});

function open(query: Record<string, string>): WebSocket {
  const e = gateway.endpoint();
  return new WebSocket(`${e.url}?${new URLSearchParams({ token: e.token, ...query }).toString()}`);
}

test(
  'a wrong token is refused at the HTTP upgrade with a 401: no WebSocket ever opens',
  { timeout: 20_000 },
  async () => {
    const ws = open({ camera: '1', format: 'annexb', token: 'forged' });
    let opened = false;
    ws.on('open', () => (opened = true));
    ws.on('error', () => undefined);
    const status = await new Promise<number>((r) =>
      ws.on('unexpected-response', (_req, res) => r(res.statusCode ?? 0)),
    );
    assert.equal(status, 401);
    assert.equal(opened, false);
  },
);

test('an oversized or malformed frame on /video closes that socket only', { timeout: 30_000 }, async () => {
  for (const bad of [Buffer.alloc(4096, 0x61), Buffer.from([0x8f, 0x80, 1, 2, 3, 4])]) {
    const ws = open({ camera: '1', format: 'annexb' });
    await new Promise((r) => ws.once('open', r));
    ws.on('error', () => undefined);
    const closed = new Promise<number>((r) => ws.on('close', (c) => r(c)));
    // Over maxPayload (1 KiB), or a frame with a reserved opcode: raw bytes on the socket.
    if (bad.length > 1000) ws.send(bad);
    else (ws as unknown as { _socket: import('node:net').Socket })._socket.write(bad);
    assert.ok([1002, 1006, 1009].includes(await closed));
  }
  const again = open({ camera: '1', format: 'annexb' });
  const first = await new Promise<boolean>((r) => again.once('message', () => r(true)));
  assert.ok(first, 'the gateway still serves');
  again.close();
});

test('access units flow at the source rate, key frame first, and viewers share one upstream session', async () => {
  const ws = open({ camera: '1', format: 'annexb' });
  const frames: { key: boolean; at: number; sentAt: number }[] = [];
  const control: { codec?: { codec: string; width: number }; config?: string } = {};
  ws.on('message', (d, isBinary) => {
    if (!isBinary) {
      const msg = JSON.parse(String(d)) as { type: string; paramSets: string };
      if (msg.type === 'codec') control.codec = msg as unknown as { codec: string; width: number };
      else if (msg.type === 'config') control.config ??= msg.paramSets;
    } else {
      const f = decodeFrame(new Uint8Array(d as Buffer));
      if (f) frames.push({ key: f.key, at: Date.now(), sentAt: f.sentAt });
    }
  });
  const deadline = Date.now() + 15_000;
  while (frames.length < 60 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  assert.ok(frames.length >= 60, `got ${frames.length} frames`);
  assert.equal(frames[0]?.key, true, 'a viewer starts on a key frame');
  assert.deepEqual(control.codec && { codec: control.codec.codec, width: control.codec.width }, {
    codec: 'h264',
    width: 640,
  });
  assert.ok(control.config, 'the parameter sets come before the units: the decoder is configured early');
  const span = (frames.at(-1)!.at - frames[10]!.at) / 1000;
  const fps = (frames.length - 11) / span;
  assert.ok(fps > 20 && fps < 30, `fps ${fps.toFixed(1)}`);
  // Each unit carries the gateway's send time: on loopback it arrives within a few ms of it.
  const transit = frames.slice(10).map((f) => f.at - f.sentAt);
  assert.ok(Math.max(...transit) < 200 && Math.min(...transit) >= -1, `transit ${transit.join(',')}`);
  // GOP 1 s: about one key frame per 25 units.
  assert.ok(frames.filter((f) => f.key).length >= 2);

  const second = open({ camera: '1', format: 'annexb' });
  const joinedAt = Date.now();
  // Text messages first (codec, parameter sets), then the cached units.
  const firstOfSecond = await new Promise<ReturnType<typeof decodeFrame>>((r) => {
    const on = (d: WebSocket.RawData, bin: boolean): void => {
      if (!bin) return;
      second.off('message', on);
      r(decodeFrame(new Uint8Array(d as Buffer)));
    };
    second.on('message', on);
  });
  assert.equal(firstOfSecond?.key, true, 'a warm viewer gets the cached key frame at once');
  assert.ok(firstOfSecond.sentAt >= joinedAt, 'a replayed unit is stamped with its replay time');
  assert.equal(gateway.activeSessions(), 1);
  ws.close();
  second.close();
  const until = Date.now() + 5000;
  while (gateway.activeSessions() > 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
  assert.equal(gateway.activeSessions(), 0, 'a stream with no viewer stops');
});

test('refused credentials are reported as an authentication failure, without the password', async () => {
  const ws = open({ camera: '2', format: 'annexb' });
  const deadline = Date.now() + 20_000;
  while (!statuses.some((s) => s.cameraId === 2 && s.reason === 'auth') && Date.now() < deadline)
    await new Promise((r) => setTimeout(r, 100));
  const st = statuses.find((s) => s.cameraId === 2 && s.reason === 'auth');
  assert.equal(st?.state, 'offline');
  assert.ok(!JSON.stringify(statuses).includes('nope'));
  ws.close();
});

test('a camera whose codec cannot be copied ends its session at once, not at the next inventory change', async () => {
  const ws = open({ camera: '3', format: 'annexb' });
  const codec = await new Promise<string>((r) =>
    ws.on('message', (d, bin) => {
      if (!bin) r((JSON.parse(String(d)) as { codec: string }).codec);
    }),
  );
  assert.equal(codec, 'mjpeg');
  // The renderer falls back to the transcoded path and closes this socket, as here.
  ws.close();
  const until = Date.now() + 5000;
  while (gateway.activeSessions() > 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
  assert.equal(gateway.activeSessions(), 0, 'no session, watchdog or map entry is left behind');
  assert.equal(statuses.filter((s) => s.cameraId === 3).at(-1)?.reason, 'codec');
});
