import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import net from 'node:net';
import { ffmpegArgs, inputArgs, RTSP_PROTOCOL_WHITELIST } from './ffmpeg-args';

test('a camera input may open only tcp and tls, and the demo patterns are unaffected', () => {
  for (const url of ['rtsp://cam/1', 'rtsps://cam/1']) {
    const a = ffmpegArgs({ kind: 'rtsp', url }, 'annexb', 'h264');
    const w = a.indexOf('-protocol_whitelist');
    assert.ok(w >= 0 && w < a.indexOf('-i'), 'an input option, before -i');
    assert.equal(a[w + 1], 'tcp,tls');
    assert.equal(a[a.indexOf('-rtsp_transport') + 1], 'tcp', 'no UDP: rtp and udp stay off the list');
  }
  assert.ok(!inputArgs({ kind: 'demo', cameraId: 1, label: '1' }).includes('-protocol_whitelist'));
});

/** Real ffmpeg against a loopback port that hangs up: what does it complain about? */
async function ffmpegComplaint(url: string, whitelist: string): Promise<string> {
  const server = net.createServer((s) => s.destroy());
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as net.AddressInfo).port;
  const args = inputArgs({ kind: 'rtsp', url: url.replace('PORT', String(port)) });
  args[args.indexOf('-protocol_whitelist') + 1] = whitelist;
  const stderr = await new Promise<string>((resolve) =>
    execFile('ffmpeg', ['-hide_banner', '-nostdin', ...args, '-f', 'null', '-'], (_e, _o, err) =>
      resolve(err),
    ),
  );
  server.close();
  return stderr;
}

test('ffmpeg enforces the list: rtsp and rtsps get as far as the network with it, not without', async () => {
  for (const url of ['rtsp://127.0.0.1:PORT/x', 'rtsps://127.0.0.1:PORT/x']) {
    const withList = await ffmpegComplaint(url, RTSP_PROTOCOL_WHITELIST);
    assert.doesNotMatch(withList, /not on whitelist/, `${url}: ${withList}`);
    assert.match(await ffmpegComplaint(url, 'file'), /not on whitelist 'file'/);
  }
});
