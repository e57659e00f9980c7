/**
 * Integration: the gateway's command line works with the ffmpeg a post actually has. The Windows
 * installer ships @ffmpeg-installer's ffmpeg 4 (resources/ffmpeg, found first), where `-timeout`
 * means "listen for a connection": given the ffmpeg 5 option, it never reads a camera. Here, the
 * same kind of build (@ffmpeg-installer's Linux one, from 2018) and Debian's ffmpeg 5 each read a
 * camera of the loopback lab with the option `rtspTimeoutOption` found for them.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { RtspLab } from '../../../test-support/video/rtsp-lab';
import { ffmpegArgs, type RtspTimeoutOption } from './ffmpeg-args';
import { rtspTimeoutOption } from './ffmpeg-locate';

const lab = new RtspLab({ cameras: [{ width: 320, height: 180 }] });
before(() => lab.start());
after(() => lab.stop());

function ffmpeg4(): string | null {
  try {
    const p = (createRequire(__filename)('@ffmpeg-installer/ffmpeg') as { path: string }).path;
    return fs.existsSync(p) ? p : null;
  } catch {
    return null;
  }
}

/** The bytes ffmpeg writes within 20 s (the FLV output starts with "FLV" then a video tag). */
function read(bin: string, timeout: RtspTimeoutOption): Promise<Buffer> {
  const args = ffmpegArgs(
    { kind: 'rtsp', url: lab.url(0) },
    'annexb',
    'h264',
    false,
    'flv',
    'short',
    timeout,
  );
  return new Promise((resolve) => {
    const p = spawn(bin, args, { stdio: ['ignore', 'pipe', 'ignore'] });
    const chunks: Buffer[] = [];
    const done = (): void => {
      clearTimeout(t);
      p.kill('SIGKILL');
      resolve(Buffer.concat(chunks));
    };
    const t = setTimeout(done, 20_000);
    p.stdout.on('data', (c: Buffer) => {
      chunks.push(c);
      if (Buffer.concat(chunks).length > 4096) done();
    });
    p.on('close', done);
  });
}

test('Debian’s ffmpeg 5 takes -timeout, and reads the camera with it', async () => {
  assert.equal(await rtspTimeoutOption('ffmpeg'), '-timeout');
  const out = await read('ffmpeg', '-timeout');
  assert.equal(out.subarray(0, 3).toString(), 'FLV');
  assert.ok(out.length > 4096, `${out.length} bytes`);
});

const old = ffmpeg4();
test(
  'an ffmpeg 4 (the installer’s kind) takes -stimeout, and reads the camera with it, not with -timeout',
  {
    skip: old ? false : '@ffmpeg-installer has no binary for this platform',
  },
  async () => {
    assert.equal(await rtspTimeoutOption(old!), '-stimeout');
    const out = await read(old!, '-stimeout');
    assert.equal(out.subarray(0, 3).toString(), 'FLV');
    assert.ok(out.length > 4096, `${out.length} bytes`);
    // The ffmpeg 5 option makes this one listen instead: nothing is ever read.
    assert.ok((await read(old!, '-timeout')).length < 100);
  },
);
