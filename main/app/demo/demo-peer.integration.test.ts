/**
 * The steerable demo on real parts: the product's own ONVIF client steers the demo camera, whose
 * picture (read as the gateway reads it, y4m over loopback) follows; the product's CSU notifier
 * delivers to the demo CSU while the demo is in force, and is refused once it is not.
 */
import assert from 'node:assert/strict';
import http from 'node:http';
import test from 'node:test';
import { connectOnvif } from '../../control/ptz/onvif-driver';
import { createCsuNotifier } from '../../control/lease/csu-notifier';
import { locateFfmpeg } from '../../video/streams/ffmpeg-locate';
import type { Camera } from '../../video/cameras/inventory-schema';
import { createDemo } from './demo-peer';
import { OUTPUT } from './demo-frames';
import { spawn } from 'node:child_process';
import { ffmpegArgs } from '../../video/streams/ffmpeg-args';

const PTZ_CAM: Camera = {
  id: 5,
  name: 'DÉMO Quai nord',
  site: 'Port',
  zone: '',
  streams: { main: 'demo:5' },
  ptz: { type: 'onvif', url: 'http://127.0.0.1:8085/onvif/device_service' },
};
const FIXED: Camera = { id: 6, name: 'DÉMO Fixe', site: 'Port', zone: '', streams: { main: 'demo:6' } };
const FRAME = 6 + (OUTPUT.width * OUTPUT.height * 3) / 2;

/** Reads the feed until `count` whole frames have come, after the y4m header. */
function frames(url: string, count: number): Promise<Buffer[]> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, (res) => {
      if (res.statusCode !== 200) return reject(new Error(`feed: ${res.statusCode}`));
      let buf = Buffer.alloc(0);
      res.on('data', (c: Buffer) => {
        buf = Buffer.concat([buf, c]);
        const start = buf.indexOf('\n') + 1;
        if (start > 0 && buf.length - start >= count * FRAME) {
          req.destroy();
          const out: Buffer[] = [];
          for (let i = 0; i < count; i++) out.push(buf.subarray(start + i * FRAME, start + (i + 1) * FRAME));
          resolve(out);
        }
      });
    });
    req.on('error', reject);
  });
}

/** Mean absolute difference of two frames' luma, 0 to 255. */
function lumaDiff(a: Buffer, b: Buffer): number {
  let sum = 0;
  const n = OUTPUT.width * OUTPUT.height;
  for (let i = 6; i < 6 + n; i++) sum += Math.abs(a[i]! - b[i]!);
  return sum / n;
}

test('the product ONVIF client steers the demo camera, and its picture follows', async () => {
  let active = true;
  const cams = new Map([PTZ_CAM, FIXED].map((c) => [c.id, c]));
  const demo = await createDemo({
    ffmpegPath: locateFfmpeg(process.env.VIGIE_FFMPEG),
    active: () => active,
    camera: (id) => cams.get(id),
  });
  try {
    const cam = demo.ptzCamera(PTZ_CAM)!;
    assert.notEqual(cam.ptz, PTZ_CAM.ptz, 'the demo camera is steered through the demo peer');
    assert.equal(demo.ptzCamera(FIXED), FIXED);
    assert.equal(demo.feed(FIXED), undefined, 'a fixed demo camera keeps its pattern');
    const feed = demo.feed(PTZ_CAM)!;
    const [still1, still2] = await frames(feed, 2);
    assert.equal(lumaDiff(still1!, still2!), 0, 'a still camera gives the same picture');

    assert.equal(cam.ptz?.type, 'onvif');
    const url = cam.ptz?.type === 'onvif' ? cam.ptz.url : '';
    const drv = await connectOnvif({ url, moveTimeoutS: 2 });
    assert.ok(drv.ok, JSON.stringify(drv));
    const presets = await drv.value.presets();
    assert.ok(presets.ok && presets.value.length >= 2);
    assert.ok((await drv.value.move(1, 0, 0)).ok);
    await new Promise((r) => setTimeout(r, 600));
    assert.ok((await drv.value.stop()).ok);
    const p = demo.position(5)!;
    assert.ok(p.pan > 0.15 && p.pan < 1, `panned right: ${p.pan}`);
    assert.equal(p.tilt, 0);
    const [moved] = await frames(feed, 1);
    assert.ok(lumaDiff(still1!, moved!) > 5, `the picture moved: ${lumaDiff(still1!, moved!)}`);

    // A move's Timeout stops the head by itself, as on a real camera.
    assert.ok((await drv.value.move(0, 0, 1)).ok);
    await new Promise((r) => setTimeout(r, 2600));
    const z1 = demo.position(5)!.zoom;
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(demo.position(5)!.zoom, z1, 'stopped after its 2 s timeout');
    assert.ok(z1 > 0.5);
    assert.ok((await drv.value.gotoPreset('1')).ok);
    assert.deepEqual(demo.position(5), { pan: 0, tilt: 0, zoom: 0 });
    assert.equal((await drv.value.gotoPreset('nope')).ok, false);
    await drv.value.close();

    // The CSU: the product's notifier delivers while the demo is in force, not after.
    const notifier = createCsuNotifier({ webhook: demo.csuWebhook, timeoutMs: 5000 });
    assert.ok(notifier.ok);
    const notice = {
      kind: 'take' as const,
      cameraId: 5,
      cameraName: PTZ_CAM.name,
      site: PTZ_CAM.site,
      holder: { login: 'demo', name: 'Démo', rank: 'GP', service: 'CIC', post: 'p1' },
      eventRef: 'EV-1',
      reason: 'Essai',
      until: new Date(Date.now() + 60_000).toISOString(),
    };
    assert.deepEqual(await notifier.value.notify(notice), [{ channel: 'webhook', ok: true }]);
    assert.equal(demo.notices().at(-1)?.eventRef, 'EV-1');
    active = false;
    const refused = await notifier.value.notify(notice);
    assert.equal(refused[0]?.ok, false);
    assert.equal(demo.ptzCamera(PTZ_CAM), PTZ_CAM, 'out of demo mode, nothing is redirected');
    assert.equal(demo.feed(PTZ_CAM), undefined);
  } finally {
    await demo.close();
  }
});

test('the gateway’s own ffmpeg command reads the demo camera’s picture, in both output formats', async () => {
  const cams = new Map([[PTZ_CAM.id, PTZ_CAM]]);
  const ffmpegPath = locateFfmpeg(process.env.VIGIE_FFMPEG);
  const demo = await createDemo({ ffmpegPath, active: () => true, camera: (id) => cams.get(id) });
  try {
    const source = {
      kind: 'demo' as const,
      cameraId: 5,
      label: '5 DÉMO Quai nord',
      feed: demo.feed(PTZ_CAM)!,
    };
    for (const [format, magic] of [
      ['annexb', 'FLV'],
      ['mpeg1', 'G'], // MPEG-TS sync byte 0x47
    ] as const) {
      const args = ffmpegArgs(source, format, 'h264');
      assert.equal(args[args.indexOf('-protocol_whitelist') + 1], 'http,tcp');
      assert.ok(
        args.some((a) => a.includes('drawtext')),
        'the label and clock are drawn over it',
      );
      const out = await new Promise<{ head: string; err: string }>((resolve, reject) => {
        const p = spawn(ffmpegPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
        let err = '';
        let data = Buffer.alloc(0);
        const t = setTimeout(() => reject(new Error(`no output: ${err.slice(-400)}`)), 60_000);
        p.stderr.on('data', (c: Buffer) => (err += c.toString()));
        p.stdout.on('data', (c: Buffer) => {
          data = Buffer.concat([data, c]);
          if (data.length > 4096) {
            clearTimeout(t);
            p.kill('SIGKILL');
            resolve({ head: data.subarray(0, 3).toString('latin1'), err });
          }
        });
      });
      assert.ok(out.head.startsWith(magic), `${format}: ${JSON.stringify(out.head)}`);
      assert.match(out.err, /Input #0, yuv4mpegpipe/);
      assert.match(out.err, /640x360/);
    }
  } finally {
    await demo.close();
  }
});
