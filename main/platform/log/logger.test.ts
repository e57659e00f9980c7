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

test('a raw @ in an inline password leaks no part of it (rtsp, rtsps, ffmpeg quoting)', () => {
  assert.equal(redact('open rtsp://user:p@ss@host/live'), 'open rtsp://***@host/live');
  assert.equal(
    redact("Input #0, rtsp, from 'rtsps://admin:it's@b@c@10.0.0.1:322/x':"),
    "Input #0, rtsp, from 'rtsps://***@10.0.0.1:322/x':",
  );
  assert.equal(
    redact('rtsp://op:p%40ss@cam/1 then http://u:pw@onvif/x'),
    'rtsp://***@cam/1 then http://***@onvif/x',
  );
  // The inventory diff (and so the registry entry) shows URLs through the same function.
  assert.equal(redact('rtsp://user:p@ss@host/live'), 'rtsp://***@host/live');
});

test('password-like query parameters and JSON members are masked, even with an @ in them', () => {
  assert.equal(redact('rtsp://cam/s?user=a&password=x@y&pwd=z'), 'rtsp://cam/s?user=a&password=***&pwd=***');
  assert.equal(
    redact('http://h/o?user_password=abc&access_token=t0k'),
    'http://h/o?user_password=***&access_token=***',
  );
  assert.equal(redact('{"username":"u","password":"p\\"q"}'), '{"username":"u","password":"***"}');
});
