/** Issue 18: a plan or a tile is checked whole before it is accepted; cut or corrupt files are refused. */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { test } from 'node:test';
import zlib from 'node:zlib';
import { MAP_MAX_IMAGE_PIXELS } from '../../../common/contract';
import { checkJpeg, checkPng } from './image-check';
import { checkPlan } from './map-jobs';
import { jpeg, noisyPng, png, pngChunk } from '../../../test-support/desk/png';

const SIG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function ihdr(width: number, height: number, colour = 2, depth = 8, interlace = 0): Buffer {
  const h = Buffer.alloc(13);
  h.writeUInt32BE(width, 0);
  h.writeUInt32BE(height, 4);
  h[8] = depth;
  h[9] = colour;
  h[12] = interlace;
  return pngChunk('IHDR', h);
}

const reason = async (b: Buffer): Promise<string> => {
  const r = await checkPlan({ bytes: b });
  return r.ok ? 'ok' : r.problem;
};

test('PNG: a whole file passes; cut after its header, cut in its data, or data that is not zlib is damaged', async () => {
  const file = noisyPng(300, 200);
  const idat = file.subarray(file.indexOf('IDAT') + 4, file.indexOf('IEND') - 8);
  assert.equal(await reason(file), 'ok');
  assert.equal(await reason(png(800, 600)), 'ok');
  // The three files of the issue, each made the plan in force before.
  assert.equal(await reason(Buffer.concat([SIG, ihdr(300, 200)])), 'damaged');
  assert.equal(await reason(file.subarray(0, 33 + 8 + Math.floor(idat.length / 2))), 'damaged');
  const notZlib = Buffer.concat([
    SIG,
    ihdr(300, 200),
    pngChunk('IDAT', Buffer.from('pas du zlib '.repeat(20))),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
  assert.equal(await reason(notZlib), 'damaged');
});

test('PNG: a bad CRC, a short or long stream, a bad filter byte, a split or missing IDAT are damaged', async () => {
  const file = noisyPng(64, 64);
  const badCrc = Buffer.from(file);
  badCrc[45] = badCrc[45]! ^ 0xff; // inside IDAT's data (from byte 41): its CRC no longer matches
  assert.equal(await checkPng(badCrc, 1e6).then((r) => r.ok), false);
  const rows = (h: number, filter = 0): Buffer => {
    const raw = Buffer.alloc((64 * 3 + 1) * h, 0x40);
    for (let y = 0; y < h; y++) raw[y * (64 * 3 + 1)] = filter;
    return raw;
  };
  const withData = (raw: Buffer): Buffer =>
    Buffer.concat([
      SIG,
      ihdr(64, 64),
      pngChunk('IDAT', zlib.deflateSync(raw)),
      pngChunk('IEND', Buffer.alloc(0)),
    ]);
  assert.deepEqual(await checkPng(withData(rows(64)), 1e6), { ok: true, width: 64, height: 64 });
  assert.equal((await checkPng(withData(rows(63)), 1e6)).ok, false, 'a row short');
  assert.equal((await checkPng(withData(rows(65)), 1e6)).ok, false, 'a row too many');
  assert.equal((await checkPng(withData(rows(64, 9)), 1e6)).ok, false, 'filter byte 9');
  const idat = pngChunk('IDAT', zlib.deflateSync(rows(64)));
  const text = pngChunk('tEXt', Buffer.from('Title\0Plan'));
  const split = Buffer.concat([SIG, ihdr(64, 64), idat, text, idat, pngChunk('IEND', Buffer.alloc(0))]);
  assert.equal((await checkPng(split, 1e6)).ok, false, 'IDAT chunks apart');
  const noEnd = Buffer.concat([SIG, ihdr(64, 64), idat]);
  assert.equal((await checkPng(noEnd, 1e6)).ok, false, 'no IEND');
  // A palette image without its palette.
  const pal = Buffer.concat([
    SIG,
    ihdr(4, 4, 3),
    pngChunk('IDAT', zlib.deflateSync(Buffer.alloc(5 * 4))),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
  assert.equal((await checkPng(pal, 1e6)).ok, false, 'no PLTE');
});

test('PNG: interlaced images are decoded pass by pass; over the pixel limit is refused by its dimensions', async () => {
  // Adam7 over 5 × 3 grey pixels: passes of 1×1, 1×1 (x=4), 1×1 (y=... ) and so on.
  const passes: [number, number][] = [
    [1, 1],
    [1, 1],
    [2, 0],
    [1, 1],
    [3, 1],
    [2, 2],
    [5, 1],
  ];
  const raw = Buffer.concat(
    passes.filter(([w, h]) => w > 0 && h > 0).map(([w, h]) => Buffer.alloc((w + 1) * h)),
  );
  const file = Buffer.concat([
    SIG,
    ihdr(5, 3, 0, 8, 1),
    pngChunk('IDAT', zlib.deflateSync(raw)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
  assert.deepEqual(await checkPng(file, 1e6), { ok: true, width: 5, height: 3 });
  // 8193 × 8193 is within 16 384 a side but over 64 million pixels: refused before any inflate.
  const big = Buffer.concat([
    SIG,
    ihdr(8193, 8193),
    pngChunk('IDAT', zlib.deflateSync(Buffer.alloc(1))),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
  assert.ok(8193 * 8193 > MAP_MAX_IMAGE_PIXELS);
  assert.equal(await reason(big), 'dimensions');
});

test('JPEG: its whole structure is walked; cut anywhere, or a scan before its frame, is damaged', async () => {
  const good = jpeg(640, 480);
  assert.deepEqual(checkJpeg(good, 1e7), { ok: true, width: 640, height: 480 });
  assert.equal(await reason(good), 'ok');
  for (const cut of [good.length - 2, good.length - 5, 30, 4])
    assert.equal(checkJpeg(good.subarray(0, cut), 1e7).ok, false, `cut at ${cut}`);
  const sosAt = good.indexOf(Buffer.from([0xff, 0xda]));
  const sofAt = good.indexOf(Buffer.from([0xff, 0xc0]));
  const noFrame = Buffer.concat([good.subarray(0, sofAt), good.subarray(sofAt + 2 + 11)]);
  assert.ok(sosAt > sofAt);
  assert.equal(checkJpeg(noFrame, 1e7).ok, false, 'scan before any frame');
  const overrun = Buffer.from(good);
  overrun.writeUInt16BE(0xfff0, sofAt + 2); // a segment longer than the file
  assert.equal(checkJpeg(overrun, 1e7).ok, false);
  assert.deepEqual(checkJpeg(good, 1000), { ok: false, problem: 'dimensions' });
});

test('JPEG: a real one from ffmpeg passes', { skip: !hasFfmpeg() && 'ffmpeg not on the PATH' }, async () => {
  const real = execFileSync('ffmpeg', [
    ...['-hide_banner', '-loglevel', 'error', '-f', 'lavfi', '-i', 'testsrc2=s=320x240'],
    ...['-frames:v', '1', '-f', 'mjpeg', '-'],
  ]);
  assert.deepEqual(checkJpeg(real, 1e7), { ok: true, width: 320, height: 240 });
  assert.equal(checkJpeg(real.subarray(0, real.length >> 1), 1e7).ok, false);
});

function hasFfmpeg(): boolean {
  try {
    execFileSync('ffmpeg', ['-version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
