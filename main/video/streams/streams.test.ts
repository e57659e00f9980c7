import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AnnexBSplitter, type AccessUnit } from './annexb';
import { backoffDelay, restartDelay } from './backoff';
import { rtspEndpoint } from './port-probe';
import { ffmpegArgs } from './ffmpeg-args';
import { classifyFailure, parseInputInfo, restartWith } from './ffmpeg-diagnose';

test('RTSP input runs over TCP with a socket timeout, options before -i', () => {
  const a = ffmpegArgs({ kind: 'rtsp', url: 'rtsp://cam/1' }, 'annexb', 'h264');
  const i = a.indexOf('-i');
  assert.equal(a[i + 1], 'rtsp://cam/1');
  assert.equal(a[a.indexOf('-rtsp_transport') + 1], 'tcp');
  assert.ok(a.indexOf('-rtsp_transport') < i && a.indexOf('-timeout') < i);
});

test('fast path copies the camera bitstream; baseline transcodes to MPEG-1 TS, downscaling only larger sources', () => {
  const fast = ffmpegArgs({ kind: 'rtsp', url: 'rtsp://cam/1' }, 'annexb', 'hevc');
  assert.deepEqual(fast.slice(fast.indexOf('-c:v'), fast.indexOf('-c:v') + 2), ['-c:v', 'copy']);
  assert.equal(fast[fast.indexOf('-f', fast.indexOf('-i')) + 1], 'hevc');
  const base = ffmpegArgs({ kind: 'rtsp', url: 'rtsp://cam/1' }, 'mpeg1', 'h264');
  assert.equal(base[base.indexOf('-c:v') + 1], 'mpeg1video');
  assert.equal(base[base.lastIndexOf('-f') + 1], 'mpegts');
  assert.match(base[base.indexOf('-vf') + 1]!, /min\(640,iw\)/);
  assert.ok(!fast.includes('-vf'), 'no scaling on the zero-transcode path');
});

test('demo cameras are synthetic, realtime, numbered and clocked', () => {
  const a = ffmpegArgs({ kind: 'demo', cameraId: 3, label: '3 DÉMO Quai' }, 'annexb', 'h264');
  assert.ok(a.includes('-re') && a.includes('lavfi'));
  const filter = a[a.indexOf('-i') + 1]!;
  assert.match(filter, /^smptebars=/);
  assert.match(filter, /DÉMO Quai/);
  assert.match(filter, /localtime/);
  assert.notEqual(
    ffmpegArgs({ kind: 'demo', cameraId: 4, label: 'x' }, 'annexb', 'h264')[a.indexOf('-i') + 1]!.split(
      ',',
    )[0],
    filter.split(',')[0],
  );
});

test('backoff doubles and caps at 10 s', () => {
  assert.deepEqual(
    [1, 2, 3, 4, 5, 6, 10].map((n) => backoffDelay(n)),
    [500, 1000, 2000, 4000, 8000, 10000, 10000],
  );
});

test('the backoff spaces starts: an attempt that already waited that long is followed at once', () => {
  assert.equal(restartDelay(4, 50), 3950, 'a refusal in 50 ms waits out the rest of its 4 s');
  assert.equal(restartDelay(4, 5000), 0, 'an attempt that waited 5 s on a silent camera: again at once');
  assert.equal(restartDelay(6, 50, true), 450, 'a server just back: the base step, not the grown backoff');
  assert.equal(restartDelay(6, 5000), 5000, 'at the 10 s cap, one start per 10 s at most');
});

test('the probed RTSP server is the URL host and port, 554 by default', () => {
  assert.deepEqual(rtspEndpoint('rtsp://u:p@10.0.0.5:8554/live'), { host: '10.0.0.5', port: 8554 });
  assert.deepEqual(rtspEndpoint('rtsp://cam.local/1'), { host: 'cam.local', port: 554 });
  assert.deepEqual(rtspEndpoint('rtsp://[::1]:554/x'), { host: '::1', port: 554 });
  assert.equal(rtspEndpoint('demo:1'), null);
});

test('ffmpeg failures map to operator reasons', () => {
  assert.equal(classifyFailure('method DESCRIBE failed: 401 Unauthorized', 1), 'auth');
  assert.equal(
    classifyFailure('Connection to tcp://10.0.0.1:554?timeout=0 failed: Connection refused', 1),
    'unreachable',
  );
  assert.equal(classifyFailure('Connection timed out', 1), 'unreachable');
  assert.equal(classifyFailure('Could not find codec parameters for stream 0', 1), 'codec');
  assert.equal(classifyFailure('', 0), 'ended');
  assert.equal(classifyFailure('something odd', 1), 'error');
});

test('input codec and size are read from ffmpeg stderr', () => {
  const s =
    "Input #0, rtsp, from 'rtsp://***@h/1':\n  Stream #0:0: Video: h264 (High), yuvj420p(pc), 1920x1080 [SAR 1:1 DAR 16:9], 25 fps\nOutput #0, h264, to 'pipe:1':\n  Stream #0:0: Video: h264";
  assert.deepEqual(parseInputInfo(s), { codec: 'h264', width: 1920, height: 1080 });
  assert.equal(parseInputInfo('nothing'), null);
});

const sc = [0, 0, 0, 1];
const nal = (...b: number[]) => [...sc, ...b];

test('Annex-B splitter cuts access units at AUD, parameter sets and first slices, across chunk boundaries', () => {
  // AU1: AUD SPS PPS IDR(first) IDR(second slice) | AU2: non-IDR first slice | AU3: SPS... IDR
  const stream = Buffer.from([
    ...nal(0x09, 0xf0),
    ...nal(0x67, 0x42, 0xc0, 0x1e),
    ...nal(0x68, 0xce, 0x38),
    ...nal(0x65, 0x88, 0x84),
    ...nal(0x65, 0x40, 0x11),
    ...nal(0x41, 0x9a, 0x02),
    ...nal(0x41, 0x9a, 0x03),
    ...nal(0x67, 0x42, 0xc0, 0x1e),
    ...nal(0x68, 0xce, 0x38),
    ...nal(0x65, 0x88, 0x99),
    ...nal(0x09, 0xf0),
    ...nal(0x41, 0x9a, 0x04, 0x05, 0x06),
  ]);
  for (const step of [1, 3, 7, stream.length]) {
    const units: AccessUnit[] = [];
    const s = new AnnexBSplitter('h264', (u) => units.push({ data: Buffer.from(u.data), key: u.key }));
    for (let i = 0; i < stream.length; i += step) s.push(stream.subarray(i, i + step));
    s.flush();
    assert.deepEqual(
      units.map((u) => u.key),
      [true, false, false, true, false],
      `chunk ${step}`,
    );
    assert.equal(Buffer.concat(units.map((u) => u.data)).compare(stream), 0, 'no byte lost or duplicated');
    assert.deepEqual([...units[1]!.data], nal(0x41, 0x9a, 0x02));
  }
});

test('Annex-B splitter handles HEVC IRAP and first-slice flags', () => {
  const stream = Buffer.from([
    ...nal(0x40, 0x01, 0x0c),
    ...nal(0x42, 0x01, 0x01),
    ...nal(0x44, 0x01, 0xc0),
    ...nal(0x26, 0x01, 0xaf), // VPS SPS PPS IDR_W_RADL
    ...nal(0x02, 0x01, 0xd0), // TRAIL_R first slice
    ...nal(0x02, 0x01, 0xd1),
  ]);
  const units: AccessUnit[] = [];
  const s = new AnnexBSplitter('hevc', (u) => units.push(u));
  s.push(stream);
  s.flush();
  assert.deepEqual(
    units.map((u) => u.key),
    [true, false, false],
  );
});

test('a camera the short probe cannot size is probed in full; an HEVC copy changes muxer; else it goes on', () => {
  const short = { probe: 'short', codec: 'h264' } as const;
  const unsized = parseInputInfo('  Stream #0:0: Video: h264, none, 90k tbr, 90k tbn\nOutput #0')!;
  assert.deepEqual(restartWith(unsized, short, true), { probe: 'full', codec: 'h264' });
  // Probed in full already: no second restart, whatever it found.
  assert.equal(restartWith(unsized, { probe: 'full', codec: 'h264' }, true), null);
  const sized = parseInputInfo('  Stream #0:0: Video: h264 (High), yuv420p, 1920x1080, 25 fps\n')!;
  assert.equal(restartWith(sized, short, true), null);
  const hevc = parseInputInfo('  Stream #0:0: Video: hevc (Main), yuv420p, 1280x720, 25 fps\n')!;
  assert.deepEqual(restartWith(hevc, short, true), { probe: 'short', codec: 'hevc' });
  assert.equal(restartWith(hevc, short, false), null, 'transcoded: any codec will do');
});
