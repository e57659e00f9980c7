/** Issue 9: only a wall page's token views on the `wall-tile` surface; a console cannot claim it. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { CredentialStore } from '../cameras/credentials';
import { EventHub } from '../../platform/ipc/router';
import { StreamGateway, type ViewEvent } from '../streams/gateway';
import { WallDisplays } from './wall-displays';

test('a console token asking for the wall surface is recorded on the console; a wall token always on the wall', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-surface-'));
  const displays = new WallDisplays('k'.repeat(43), () => undefined);
  const wallToken = displays.open('wall-page', 'k'.repeat(43));
  assert.ok(wallToken.ok);
  const views: ViewEvent[] = [];
  const operator = { login: 'anne', name: 'Anne', rank: 'B', service: 'CIC' };
  const gw = new StreamGateway({
    ffmpegPath: 'ffmpeg',
    credentials: CredentialStore.inDir(dir),
    events: new EventHub(),
    lookupCamera: (id) =>
      id === 1 ? { id: 1, name: 'A', site: 'S', zone: '', streams: { main: 'demo:1' } } : undefined,
    authorize: (t) =>
      t === 'console-token' ? { clientId: 'c1', actor: operator } : displays.authorizeVideo(t),
    onView: (phase, v) => phase === 'start' && views.push(v),
    idleMs: 100,
  });
  const e = await gw.listen();
  const open = async (token: string, surface: string): Promise<void> => {
    const q = new URLSearchParams({ token, camera: '1', format: 'annexb', surface });
    const ws = new WebSocket(`${e.url}?${q.toString()}`);
    ws.on('error', () => undefined);
    await new Promise((r) => ws.once('open', r));
    ws.close();
  };
  try {
    await open('console-token', 'wall-tile');
    await open(wallToken.value, 'console-tile');
    await open('console-token', 'console-large');
    assert.deepEqual(
      views.map((v) => [v.identity.clientId, v.surface]),
      [
        ['c1', 'console-tile'],
        ['wall-page', 'wall-tile'],
        ['c1', 'console-large'],
      ],
    );
  } finally {
    await gw.close();
  }
});
