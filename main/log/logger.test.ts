import { test } from 'node:test';
import assert from 'node:assert/strict';
import { redact } from './logger';

test('redact masks credentials in any URL scheme', () => {
  assert.equal(redact('open rtsp://admin:s3cr3t@10.0.0.5:554/h264'), 'open rtsp://***@10.0.0.5:554/h264');
  assert.equal(redact('http://u@host/onvif'), 'http://***@host/onvif');
  assert.ok(!redact('Input #0, rtsp, from "rtsp://op:p%40ss@cam/1":').includes('p%40ss'));
});

test('redact masks password-like query parameters', () => {
  assert.equal(redact('rtsp://cam/stream?user=a&password=xyz'), 'rtsp://cam/stream?user=a&password=***');
});

test('redact leaves ordinary text alone', () => {
  assert.equal(redact('camera 12 playing at 25 fps'), 'camera 12 playing at 25 fps');
});
