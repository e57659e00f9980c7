import assert from 'node:assert/strict';
import test from 'node:test';
import { checkClock } from './check-clock';
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
