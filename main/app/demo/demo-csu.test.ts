import assert from 'node:assert/strict';
import test from 'node:test';
import { csuPayload } from '../../control/lease/csu-message';
import { parseNotice } from './demo-csu';

test('the demo CSU reads the webhook’s own JSON, and nothing else', () => {
  const payload = csuPayload({
    kind: 'extend',
    cameraId: 12,
    cameraName: 'DÉMO',
    site: 'Port',
    holder: { login: 'demo', name: 'D', rank: 'GP', service: 'CIC', post: 'p' },
    eventRef: 'EV-9',
    reason: 'r',
    until: '2026-12-07T18:00:00.000Z',
  });
  assert.deepEqual(parseNotice(JSON.stringify(payload), 7), {
    kind: 'extend',
    cameraId: 12,
    holder: 'demo',
    eventRef: 'EV-9',
    until: '2026-12-07T18:00:00.000Z',
    receivedAt: 7,
  });
  for (const hostile of [
    'not json',
    'null',
    '[]',
    JSON.stringify({ ...payload, kind: 'release' }),
    JSON.stringify({ ...payload, type: 'vigie.ptz.take' }),
    JSON.stringify({ ...payload, cameraId: -1 }),
    JSON.stringify({ ...payload, cameraId: '1e400' }),
  ])
    assert.equal(parseNotice(hostile), null, hostile);
  const long = parseNotice(JSON.stringify({ ...payload, eventRef: 'x'.repeat(10_000), holder: 5 }));
  assert.equal(long?.eventRef.length, 80);
  assert.equal(long?.holder, '');
});
