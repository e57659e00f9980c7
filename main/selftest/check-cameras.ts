/**
 * Cameras: each one reachable, with codec, resolution and frame rate, and the video path the console
 * will use for it. ffmpeg reads a few seconds of the main stream exactly as the gateway opens it
 * (same input arguments, same protocol whitelist) and throws the frames away: nothing is kept.
 */
import { spawn } from 'node:child_process';
import type { CredentialStore } from '../cameras/credentials';
import type { Camera } from '../cameras/inventory-schema';
import { inputArgs } from '../streams/ffmpeg-args';
import { classifyFailure, parseInputInfo } from '../streams/ffmpeg-diagnose';
import { sourceFor } from '../streams/gateway';
import type { CheckResult } from './selftest-types';

export interface ProbeOptions {
  ffmpegPath: string;
  credentials: CredentialStore;
  seconds?: number;
  timeoutMs?: number;
  concurrency?: number;
}

/** H.264 goes to the browser untouched (WebCodecs); anything else is transcoded for jsmpeg. */
export const videoPath = (codec: string): 'webcodecs' | 'jsmpeg' =>
  codec === 'h264' ? 'webcodecs' : 'jsmpeg';

export function probeCamera(cam: Camera, o: ProbeOptions): Promise<CheckResult> {
  const seconds = o.seconds ?? 2;
  const source = sourceFor(cam, 'main', o.credentials);
  // A camera's stream is copied, as the gateway does; a demo pattern is encoded to H.264 as it does.
  const codecArgs = source.kind === 'demo' ? ['-c:v', 'libx264', '-preset', 'ultrafast'] : ['-c:v', 'copy'];
  const args = [
    '-hide_banner',
    '-nostdin',
    ...inputArgs(source, false),
    '-t',
    String(seconds),
    '-an',
    ...codecArgs,
    '-f',
    'null',
    '-',
  ];
  const subject = String(cam.id);
  return new Promise((resolve) => {
    const child = spawn(o.ffmpegPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => {
      stderr = (stderr + d.toString('utf8')).slice(-64 * 1024);
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), o.timeoutMs ?? (seconds + 8) * 1000);
    const finish = (code: number | null): void => {
      clearTimeout(timer);
      const input = parseInputInfo(stderr);
      const output = /^Output #0[\s\S]*?Video: ([a-z0-9_]+)/m.exec(stderr)?.[1];
      const info = input && source.kind === 'demo' && output ? { ...input, codec: output } : input;
      const frames = Number([...stderr.matchAll(/frame=\s*(\d+)/g)].pop()?.[1] ?? 0);
      if (!info || frames === 0) {
        const reason = code === null ? 'unreachable' : classifyFailure(stderr, code);
        resolve({
          group: 'cameras',
          subject,
          status: 'fail',
          code: `camera_${reason}`,
          params: { name: cam.name },
        });
        return;
      }
      const fps = Math.round((frames / seconds) * 10) / 10;
      const path = videoPath(info.codec);
      resolve({
        group: 'cameras',
        subject,
        // H.265 plays only through the transcode path: it works, at a higher cost.
        status: path === 'webcodecs' ? 'pass' : 'warn',
        code: path === 'webcodecs' ? 'camera_ok' : 'camera_transcoded',
        params: {
          name: cam.name,
          codec: info.codec,
          resolution: info.width && info.height ? `${info.width}x${info.height}` : '?',
          fps,
          path,
        },
      });
    };
    child.on('error', () => finish(-1));
    child.on('close', (code) => finish(code));
  });
}

export async function checkCameras(cameras: Camera[], o: ProbeOptions): Promise<CheckResult[]> {
  if (cameras.length === 0) return [{ group: 'cameras', subject: '-', status: 'fail', code: 'cameras_none' }];
  const out: CheckResult[] = new Array(cameras.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < cameras.length) {
      const i = next++;
      out[i] = await probeCamera(cameras[i]!, o);
    }
  };
  await Promise.all(Array.from({ length: Math.min(o.concurrency ?? 4, cameras.length) }, worker));
  return out;
}
