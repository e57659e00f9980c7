/**
 * Test fixture: the real stream gateway (real ffmpeg) on the loopback RTSP relay (rtsp-lab.ts), with
 * two always-on 320×180 cameras, 1 and 2, of the GOPs given: the relay answers at once, as a camera
 * does. Both start in before() and stop in after(); every streams:status pushed is kept, with when.
 * `corruptible` puts camera 1 behind a relay that can damage its packets (`lab.corrupt(0, share)`).
 */
import { after, before } from 'node:test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import type { StreamStatus } from '../../common/contract';
import { decodeFrame } from '../../common/video-frame';
import { EventHub } from '../../main/platform/ipc/router';
import { CredentialStore } from '../../main/video/cameras/credentials';
import type { Camera } from '../../main/video/cameras/inventory-schema';
import { StreamGateway, type GatewayOptions } from '../../main/video/streams/gateway';
import { RtspLab } from './rtsp-lab';

export interface GatewayRig {
  readonly lab: RtspLab;
  /** The gateway (started in before(): inside tests only). */
  readonly gateway: StreamGateway;
  readonly statuses: { at: number; s: StreamStatus }[];
  /** A new viewer of `camera`, receiving Annex B units. */
  open(camera: number): WebSocket;
}

/** `options` adds to or overrides the gateway's (idle and stall times, kept streams...). */
export function gatewayLab(
  gops: [number, number],
  options: Partial<GatewayOptions> = {},
  corruptible = false,
): GatewayRig {
  const lab = new RtspLab({
    cameras: gops.map((gop, i) => ({ width: 320, height: 180, gop, corruptible: corruptible && i === 0 })),
    keepAlive: true,
  });
  const statuses: GatewayRig['statuses'] = [];
  let gateway: StreamGateway | null = null;
  let dir = '';
  before(async () => {
    await lab.start();
    const cams: Camera[] = [
      { id: 1, name: 'A', site: 'S', zone: '', streams: { main: lab.url(0) } },
      { id: 2, name: 'B', site: 'S', zone: '', streams: { main: lab.url(1) } },
    ];
    const events = new EventHub();
    events.add((e, p) => {
      if (e === 'streams:status') statuses.push({ at: Date.now(), s: p as StreamStatus });
    });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-gateway-'));
    gateway = new StreamGateway({
      ffmpegPath: 'ffmpeg',
      credentials: CredentialStore.inDir(dir),
      events,
      lookupCamera: (id) => cams.find((c) => c.id === id),
      ...options,
    });
    await gateway.listen();
  });
  after(async () => {
    await gateway?.close();
    await lab.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });
  const rig: GatewayRig = {
    lab,
    get gateway() {
      if (!gateway) throw new Error('the gateway starts in before(): use it inside a test');
      return gateway;
    },
    statuses,
    open: (camera) => {
      const e = rig.gateway.endpoint();
      return new WebSocket(`${e.url}?token=${e.token}&camera=${camera}&format=annexb`);
    },
  };
  return rig;
}

/** The next access unit this viewer receives (null: none within `ms`). */
export function nextFrame(ws: WebSocket, ms: number): Promise<{ at: number; key: boolean } | null> {
  return new Promise((resolve) => {
    const t = setTimeout(() => done(null), ms);
    const on = (d: WebSocket.RawData, bin: boolean): void => {
      const f = bin ? decodeFrame(new Uint8Array(d as Buffer)) : null;
      if (f) done({ at: Date.now(), key: f.key });
    };
    const done = (r: { at: number; key: boolean } | null): void => {
      clearTimeout(t);
      ws.off('message', on);
      resolve(r);
    };
    ws.on('message', on);
  });
}
