/**
 * The steerable demo, in demo mode only: one loopback HTTP server, behind an unguessable path,
 * that is at once the demo PTZ cameras' ONVIF peer, their picture (a window over a panorama that
 * follows each camera's head) and the demo's CSU receiver. The product's own ONVIF client, video
 * gateway and CSU notifier talk to it as they would to real ones.
 */
import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLogger } from '../../platform/log/logger';
import { sameSecret } from '../../platform/secret';
import { locateFfmpeg } from '../../video/streams/ffmpeg-locate';
import type { Camera } from '../../video/cameras/inventory-schema';
import { createDemoCsu, type DemoCsuNotice } from './demo-csu';
import { drawPanorama, frameOf, OUTPUT, y4mHeader, type Picture } from './demo-frames';
import { DemoHead, windowOf, type Pose } from './demo-head';
import { answer } from './demo-onvif';

const log = createLogger('demo');
const MAX_SOAP = 64 * 1024;
/** Frames a slow reader may have queued before the next ones are skipped. */
const QUEUED_FRAMES = 3;

export interface DemoDeps {
  ffmpegPath: string;
  /** Whether the demo inventory is in force now (an import ends it). */
  active: () => boolean;
  camera: (id: number) => Camera | undefined;
}

export interface Demo {
  /** The camera as PTZ sees it: a demo PTZ camera's ONVIF address is this peer's. */
  ptzCamera(cam: Camera | undefined): Camera | undefined;
  /** The picture of a demo PTZ camera, for the gateway; undefined for any other camera. */
  feed(cam: Camera): string | undefined;
  /** The demo CSU's webhook address (`--csu-webhook` in demo mode). */
  csuWebhook: string;
  notices(): DemoCsuNotice[];
  position(cameraId: number): Pose | null;
  close(): Promise<void>;
}

/** A camera of the demo inventory that has an ONVIF PTZ: the demo steers it. */
const steerable = (cam: Camera | undefined): cam is Camera =>
  !!cam && cam.ptz?.type === 'onvif' && cam.streams.main.startsWith('demo:');

export async function createDemo(d: DemoDeps): Promise<Demo> {
  const secret = crypto.randomBytes(18).toString('base64url');
  const heads = new Map<number, DemoHead>();
  const csu = createDemoCsu(d.active);
  const feeds = new Set<http.ServerResponse>();
  // Drawn as the post starts (0.3 s quiet, 10 s at load 50), so it is ready when a tile opens.
  const closing = new AbortController();
  const draw = (): Promise<Picture> => {
    const p = drawPanorama(d.ffmpegPath, closing.signal);
    p.catch((e: unknown) => log.warn('demo panorama failed', e));
    return p;
  };
  let panorama: Promise<Picture> | null = draw();
  let base = '';

  const headOf = (id: number): DemoHead | null => {
    if (!d.active() || !steerable(d.camera(id))) return null;
    let h = heads.get(id);
    if (!h) heads.set(id, (h = new DemoHead()));
    return h;
  };

  const soap = (id: number, req: http.IncomingMessage, res: http.ServerResponse): void => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= MAX_SOAP) chunks.push(c);
      else req.destroy();
    });
    req.on('error', () => undefined);
    req.on('end', () => {
      const head = headOf(id);
      if (!head) return void res.writeHead(404).end();
      const a = answer(Buffer.concat(chunks).toString('utf8'), head, `${base}/onvif/${id}`);
      res
        .writeHead(a.fault ? 400 : 200, { 'content-type': 'application/soap+xml; charset=utf-8' })
        .end(a.xml);
    });
  };

  const stream = (id: number, res: http.ServerResponse): void => {
    const head = headOf(id);
    if (!head) return void res.writeHead(404).end();
    panorama ??= draw();
    panorama.then(
      (pano) => {
        if (res.destroyed) return;
        res.writeHead(200, { 'content-type': 'video/x-yuv4mpeg' });
        res.write(y4mHeader());
        feeds.add(res);
        let last = '';
        let frame: Buffer | null = null;
        const frameBytes = (OUTPUT.width * OUTPUT.height * 3) / 2;
        const timer = setInterval(() => {
          if (res.writableLength > QUEUED_FRAMES * frameBytes) return;
          const win = windowOf(head.position(), pano.width, pano.height);
          const key = `${win.x},${win.y},${win.w}`;
          if (key !== last || !frame) frame = frameOf(pano, win);
          last = key;
          res.write(frame);
        }, 1000 / OUTPUT.fps);
        res.on('close', () => {
          clearInterval(timer);
          feeds.delete(res);
        });
      },
      () => {
        panorama = null;
        res.writeHead(500).end();
      },
    );
  };

  const server = http.createServer((req, res) => {
    res.on('error', () => undefined);
    const m = /^\/([\w-]+)\/(onvif\/(\d{1,6})\/(?:device_service|media|ptz)|feed\/(\d{1,6})|csu)$/.exec(
      req.url ?? '',
    );
    if (!m || !sameSecret(m[1]!, secret)) return void res.writeHead(404).end();
    if (m[3] !== undefined && req.method === 'POST') return soap(Number(m[3]), req, res);
    if (m[4] !== undefined && req.method === 'GET') return stream(Number(m[4]), res);
    if (m[2] === 'csu') return csu.handle(req, res);
    res.writeHead(405).end();
  });
  server.on('clientError', (_e, socket) => socket.destroy());
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/${secret}`;
  log.info('demo: PTZ cameras and CSU receiver ready on loopback');

  return {
    csuWebhook: `${base}/csu`,
    notices: csu.notices,
    ptzCamera: (cam) =>
      d.active() && steerable(cam)
        ? { ...cam, ptz: { type: 'onvif', url: `${base}/onvif/${cam.id}/device_service` } }
        : cam,
    feed: (cam) => (d.active() && steerable(cam) ? `${base}/feed/${cam.id}` : undefined),
    position: (id) => heads.get(id)?.position() ?? null,
    close: async () => {
      closing.abort();
      for (const f of feeds) f.destroy();
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    },
  };
}

/**
 * The steerable demo when the post starts on the demo inventory, else null; it answers for as long
 * as the demo inventory is in force (its cameras are demo cameras, whoever watches them). It uses
 * the ffmpeg the streams use (`--ffmpeg`, VIGIE_FFMPEG, the shipped one, the PATH's).
 */
export async function openDemo(
  o: { ffmpegPath?: string | undefined; resourcesDir?: string | undefined },
  inventory: { view(): { demo: boolean }; camera(id: number): Camera | undefined },
): Promise<Demo | null> {
  const active = (): boolean => inventory.view().demo;
  if (!active()) return null;
  const ffmpegPath = locateFfmpeg(o.ffmpegPath ?? process.env.VIGIE_FFMPEG, o.resourcesDir);
  return createDemo({ ffmpegPath, active, camera: (id) => inventory.camera(id) });
}
