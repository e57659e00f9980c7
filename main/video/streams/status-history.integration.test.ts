/** Integration: the real gateway and ffmpeg feed the status history; a failing history never stops the video. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import type { StreamStatus } from '../../../common/contract';
import { CredentialStore } from '../cameras/credentials';
import type { Camera } from '../cameras/inventory-schema';
import { EventHub } from '../../platform/ipc/router';
import { StreamGateway } from './gateway';
import { cameraState, readTransitions, StatusHistory } from './status-history';

async function watch(onCameraStatus: (id: number, s: StreamStatus[]) => void): Promise<StreamStatus[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-hist-gw-'));
  const cams: Camera[] = [{ id: 7, name: 'A', site: 'S', zone: '', streams: { main: 'demo:7' } }];
  const events = new EventHub();
  const seen: StreamStatus[] = [];
  const gateway = new StreamGateway({
    ffmpegPath: process.env.VIGIE_FFMPEG ?? 'ffmpeg',
    credentials: CredentialStore.inDir(dir),
    events,
    lookupCamera: (id) => cams.find((c) => c.id === id),
    idleMs: 200,
    keepStreams: 0,
    onCameraStatus,
  });
  const e = await gateway.listen();
  const playing = new Promise<void>((resolve) =>
    events.add((name, p) => {
      if (name !== 'streams:status') return;
      seen.push(p as StreamStatus);
      if ((p as StreamStatus).state === 'playing') resolve();
    }),
  );
  const ws = new WebSocket(
    `${e.url}?${new URLSearchParams({ token: e.token, camera: '7', format: 'annexb' })}`,
  );
  ws.on('error', () => undefined);
  await playing;
  ws.close();
  while (gateway.activeSessions() > 0) await new Promise((r) => setTimeout(r, 50));
  await gateway.close();
  return seen;
}

test(
  'a watched camera goes connecting → playing → idle in the history once no one watches',
  { timeout: 60_000 },
  async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-hist-'));
    const history = new StatusHistory(dir);
    await watch((id, s) => {
      const c = cameraState(s);
      history.record(id, c.state, c.reason);
    });
    history.close();
    assert.deepEqual(
      readTransitions(dir, 0, Date.now() + 1000).map((t) => [t.cameraId, t.state]),
      [
        [7, 'connecting'],
        [7, 'playing'],
        [7, 'idle'],
      ],
    );
  },
);

test('a status history that throws does not stop the stream', { timeout: 60_000 }, async () => {
  const seen = await watch(() => {
    throw new Error('disk full');
  });
  assert.ok(seen.some((s) => s.state === 'playing'));
});
