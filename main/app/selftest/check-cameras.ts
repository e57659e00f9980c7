/**
 * Cameras: each one reachable, with codec, resolution and frame rate, and the video path the console
 * will use for it. ffmpeg opens the main stream exactly as the gateway does (same input arguments,
 * same protocol whitelist) and copies it without decoding: nothing is kept. The frame rate comes
 * from the stream's own timestamps over a window that starts at the first key frame (frame-rate.ts),
 * so a camera with a long GOP (up to 8 s) is measured as fast as one with a short one, only later.
 */
import { spawn } from 'node:child_process';
import type { CredentialStore } from '../../video/cameras/credentials';
import type { Camera } from '../../video/cameras/inventory-schema';
import { inputArgs } from '../../video/streams/ffmpeg-args';
import { classifyFailure, parseInputInfo } from '../../video/streams/ffmpeg-diagnose';
import { rtspTimeoutOption } from '../../video/streams/ffmpeg-locate';
import { sourceFor } from '../../video/streams/camera-source';
import { FramecrcReader, RateMeter } from './frame-rate';
import type { CheckResult } from './selftest-types';

export interface ProbeOptions {
  ffmpegPath: string;
  credentials: CredentialStore;
  /** Seconds of stream measured from the first key frame. */
  seconds?: number;
  /** How long the stream may flow without a key frame (an 8 s GOP fits), ms. */
  keyframeWaitMs?: number;
  /** The whole probe's bound (connection, key frame, window), ms. */
  timeoutMs?: number;
  /** Cameras probed at once: each probe costs a copied stream, not a decode. */
  concurrency?: number;
  /** After each camera's probe (the self-test's progress). */
  probed?: () => void;
}

export const DEFAULTS = { seconds: 2, keyframeWaitMs: 10_000, concurrency: 8 } as const;
/** ffmpeg's own socket timeout on an RTSP input (ffmpeg-args.ts), plus its probe. */
const CONNECT_MS = 6_000;

/** H.264 goes to the browser untouched (WebCodecs); anything else is transcoded for jsmpeg. */
export const videoPath = (codec: string): 'webcodecs' | 'jsmpeg' =>
  codec === 'h264' ? 'webcodecs' : 'jsmpeg';

export async function probeCamera(cam: Camera, o: ProbeOptions): Promise<CheckResult> {
  const seconds = o.seconds ?? DEFAULTS.seconds;
  const keyframeWaitMs = o.keyframeWaitMs ?? DEFAULTS.keyframeWaitMs;
  const source = sourceFor(cam, 'main', o.credentials);
  const timeout = await rtspTimeoutOption(o.ffmpegPath);
  // A camera's stream is copied, as the gateway does (key frame or not, so a long GOP shows it is
  // alive); a demo pattern is encoded to H.264 as the gateway does.
  const codecArgs =
    source.kind === 'demo'
      ? ['-c:v', 'libx264', '-preset', 'ultrafast', '-tune', 'zerolatency']
      : ['-c:v', 'copy', '-copyinkf'];
  const args = [
    '-hide_banner',
    '-nostdin',
    ...inputArgs(source, false, 'full', timeout),
    '-map',
    '0:v:0',
    '-an',
    '-sn',
    '-dn',
    ...codecArgs,
    '-flush_packets',
    '1',
    '-f',
    'framecrc',
    'pipe:1',
  ];
  const subject = String(cam.id);
  const name = { name: cam.name };
  return new Promise((resolve) => {
    const child = spawn(o.ffmpegPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const reader = new FramecrcReader();
    const meter = new RateMeter(seconds);
    let stderr = '';
    let settled = false;
    let keyTimer: NodeJS.Timeout | null = null;
    const finish = (
      outcome: 'measured' | 'no_keyframe' | 'timeout' | 'exited',
      code: number | null,
    ): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (keyTimer) clearTimeout(keyTimer);
      child.kill('SIGKILL');
      const input = parseInputInfo(stderr);
      const output = /^Output #0[\s\S]*?Video: ([a-z0-9_]+)/m.exec(stderr)?.[1];
      const info = input && source.kind === 'demo' && output ? { ...input, codec: output } : input;
      const fps = meter.fps();
      // The window was covered, or the bound came first with a key frame and frames behind it.
      if (info && fps !== null && (outcome === 'measured' || outcome === 'timeout')) {
        const path = videoPath(info.codec);
        resolve({
          group: 'cameras',
          subject,
          // H.265 plays only through the transcode path: it works, at a higher cost.
          status: path === 'webcodecs' ? 'pass' : 'warn',
          code: path === 'webcodecs' ? 'camera_ok' : 'camera_transcoded',
          params: {
            ...name,
            codec: info.codec,
            resolution: info.width && info.height ? `${info.width}x${info.height}` : '?',
            fps: Math.round(fps * 10) / 10,
            path,
          },
        });
        return;
      }
      // The stream flows but no picture can start: said as such, never as a dead camera.
      if (!meter.started && meter.before > 0 && outcome !== 'exited') {
        resolve({
          group: 'cameras',
          subject,
          status: 'warn',
          code: 'camera_no_keyframe',
          params: { ...name, seconds: Math.round(keyframeWaitMs / 1000) },
        });
        return;
      }
      const reason = outcome === 'timeout' ? 'unreachable' : classifyFailure(stderr, code);
      resolve({ group: 'cameras', subject, status: 'fail', code: `camera_${reason}`, params: name });
    };
    const timer = setTimeout(
      () => finish('timeout', null),
      o.timeoutMs ?? CONNECT_MS + keyframeWaitMs + seconds * 1000 + 2_000,
    );
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (d: string) => {
      for (const p of reader.feed(d)) {
        meter.add(p);
        // The stream is alive from its first packet: the key frame has this long to come.
        keyTimer ??= setTimeout(() => {
          if (!meter.started) finish('no_keyframe', null);
        }, keyframeWaitMs);
        if (meter.done) return finish('measured', null);
      }
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr = (stderr + d.toString('utf8')).slice(-64 * 1024);
    });
    child.on('error', () => finish('exited', -1));
    child.on('close', (code) => finish('exited', code));
  });
}

/** Every camera, `concurrency` at a time, in inventory order. */
export async function checkCameras(cameras: Camera[], o: ProbeOptions): Promise<CheckResult[]> {
  if (cameras.length === 0) return [{ group: 'cameras', subject: '-', status: 'fail', code: 'cameras_none' }];
  const out: CheckResult[] = new Array(cameras.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < cameras.length) {
      const i = next++;
      out[i] = await probeCamera(cameras[i]!, o);
      o.probed?.();
    }
  };
  const n = Math.max(1, Math.min(o.concurrency ?? DEFAULTS.concurrency, cameras.length));
  await Promise.all(Array.from({ length: n }, worker));
  return out;
}
