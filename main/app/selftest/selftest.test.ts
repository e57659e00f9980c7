import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import test from 'node:test';
import { CredentialStore } from '../../video/cameras/credentials';
import { locateFfmpeg } from '../../video/streams/ffmpeg-locate';
import { openRegistry } from '../../records/registry/open-registry';
import { checkCameras } from './check-cameras';
import { checkClock } from './check-clock';
import { checkRegistry } from './check-registry';
import { startSntpPeer } from '../../../test-support/app/sntp-server';

test('clock: in step with the NTP server passes; a drift over 1 s warns; no answer fails with its reason', async () => {
  const peer = await startSntpPeer(0);
  try {
    const ok = await checkClock(`127.0.0.1:${peer.port}`);
    assert.equal(ok.status, 'pass', JSON.stringify(ok));
    assert.ok(Math.abs(Number(ok.params?.offsetMs)) < 200);
    peer.offsetMs = 3000;
    const drift = await checkClock(`127.0.0.1:${peer.port}`);
    assert.deepEqual([drift.status, drift.code], ['warn', 'clock_drift']);
    assert.ok(Math.abs(Number(drift.params?.offsetMs) - 3000) < 200, `offset ${drift.params?.offsetMs}`);
    peer.silent = true;
    const silent = await checkClock(`127.0.0.1:${peer.port}`, 300);
    assert.deepEqual([silent.status, silent.code], ['fail', 'clock_timeout']);
  } finally {
    await peer.close();
  }
  assert.equal((await checkClock(undefined)).code, 'clock_not_configured');
  assert.equal((await checkClock('bad host!')).code, 'clock_bad_server');
});

test('registry: the self-test records itself and verifies the chain; a tampered entry fails', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-st-reg-'));
  const registry = openRegistry(dir);
  const r = checkRegistry(registry, { checks: 1 });
  assert.deepEqual(
    r.map((x) => [x.code, x.status]),
    [
      ['registry_writable', 'pass'],
      ['registry_verified', 'pass'],
    ],
  );
  registry.close();
  // Alter an entry behind the registry's back.
  const { DatabaseSync } = require('node:sqlite') as typeof import('node:sqlite'); // eslint-disable-line @typescript-eslint/no-require-imports
  const file = 'registry.db';
  const db = new DatabaseSync(path.join(dir, file));
  db.exec(
    `DROP TRIGGER registry_no_update; UPDATE registry SET data = '{"checks":99}' WHERE type = 'selftest.run'`,
  );
  db.close();
  const again = openRegistry(dir);
  const broken = checkRegistry(again, { checks: 2 }).find((x) => x.subject === 'chain')!;
  again.close();
  assert.deepEqual([broken.status, broken.code], ['fail', 'registry_broken']);
});

test('cameras: a demo camera is reachable in H.264 for WebCodecs; an unreachable RTSP camera fails with its reason', async () => {
  const ffmpegPath = locateFfmpeg();
  const credentials = CredentialStore.inDir(fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-st-cred-')));
  const results = await checkCameras(
    [
      { id: 1, name: 'Démo', site: 'Lab', zone: '', streams: { main: 'demo:1' } },
      { id: 2, name: 'Absente', site: 'Lab', zone: '', streams: { main: 'rtsp://127.0.0.1:9/absente' } },
    ],
    { ffmpegPath, credentials, seconds: 1 },
  );
  assert.equal(results[0]!.status, 'pass', JSON.stringify(results[0]));
  assert.equal(results[0]!.params?.codec, 'h264');
  assert.equal(results[0]!.params?.path, 'webcodecs');
  assert.ok(Number(results[0]!.params?.fps) > 10);
  assert.deepEqual([results[1]!.status, results[1]!.code], ['fail', 'camera_unreachable']);
});
