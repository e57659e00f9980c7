/** The shared store when nothing answers at its address: a post does not open, and says why without the password. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { openStores } from '../../app/stores';
import { captureLog } from '../../../test-support/platform/log-capture';

test('a shared store that refuses the connection: refused by its code, the password never said', async () => {
  // A port that was free a moment ago: nothing listens there.
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as net.AddressInfo).port;
  await new Promise((r) => s.close(r));
  const log = captureLog();
  let refused: unknown;
  try {
    await openStores('/tmp/never-used', `postgres://vigie:pw-secret-7@127.0.0.1:${port}/vigie`);
  } catch (e) {
    refused = e;
  } finally {
    log.restore();
  }
  assert.ok(refused instanceof Error);
  assert.equal(refused.message, 'shared store unreachable (ECONNREFUSED)');
  assert.ok(!log.lines.some((l) => l.includes('pw-secret-7')), log.lines.join('\n'));
});
