import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeFrame, encodeFrame } from './video-frame';
import { streamKey } from './stream-key';

test('video frames carry key flag and timestamp', () => {
  const f = decodeFrame(encodeFrame(Uint8Array.from([1, 2, 3]), true, 1234.5));
  assert.deepEqual(f && { key: f.key, timestamp: f.timestamp, data: [...f.data] }, {
    key: true,
    timestamp: 1234.5,
    data: [1, 2, 3],
  });
  assert.equal(decodeFrame(new Uint8Array(4)), null);
});

test('a stream is named by camera, stream and format', () => {
  assert.equal(streamKey(12, 'sub', 'annexb'), '12:sub:annexb');
});
