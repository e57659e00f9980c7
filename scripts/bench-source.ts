/**
 * `npm run bench -- --source`: the camera lab's own floor, without Vigie. ffmpeg reads the
 * stamped camera straight from the lab's relay and the stamp is decoded from every picture, with
 * a lab of 1 camera and then of 16 (the 16-tile rows' lab), for comparison with the console's
 * glass-to-glass figures. Flags: --seconds S (20)  --cameras 1,16
 */
import { spawn } from 'node:child_process';
import { RtspLab } from '../test-support/video/rtsp-lab';
import { decodeStampRow, stampToEpoch } from '../renderer/video/stamp';
import { pct } from './bench-measure';

const argv = process.argv.slice(2);
const flag = (n: string): string | undefined => {
  const i = argv.indexOf(`--${n}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const SECONDS = Number(flag('seconds') ?? 20);
const COUNTS = (flag('cameras') ?? '1,16').split(',').map(Number);
const W = 640;
const H = 360;
const FPS = 25;

async function floor(cameras: number): Promise<string> {
  const lab = new RtspLab({
    cameras: Array.from({ length: cameras }, (_, i) => ({ width: W, height: H, stamp: i === 0 })),
    keepAlive: true,
  });
  await lab.start();
  // Two rows of the stamp strip (4:2:0 crops by two), one byte per channel.
  const rowBytes = W * 4;
  const probe = spawn(
    'ffmpeg',
    [
      ...['-loglevel', 'error', '-fflags', 'nobuffer', '-flags', 'low_delay', '-rtsp_transport', 'tcp'],
      ...['-i', lab.url(0), '-vf', `crop=${W}:2:0:8`, '-f', 'rawvideo', '-pix_fmt', 'rgba', 'pipe:1'],
    ],
    { stdio: ['ignore', 'pipe', 'ignore'] },
  );
  const latency: number[] = [];
  let pending = Buffer.alloc(0);
  probe.stdout.on('data', (d: Buffer) => {
    const now = Date.now();
    pending = Buffer.concat([pending, d]);
    while (pending.length >= 2 * rowBytes) {
      const row = new Uint8ClampedArray(pending.subarray(0, rowBytes));
      pending = pending.subarray(2 * rowBytes);
      const at = stampToEpoch(decodeStampRow(row, W, 0, W), now);
      if (at !== null) latency.push(now - at);
    }
  });
  try {
    await new Promise((r) => setTimeout(r, 3000)); // start-up
    const from = latency.length;
    await new Promise((r) => setTimeout(r, SECONDS * 1000));
    const xs = latency.slice(from);
    const shown = ((100 * xs.length) / (SECONDS * FPS)).toFixed(0);
    return `lab of ${cameras}: the stamped camera read by ffmpeg from the relay, p50 ${pct(xs, 50)} p95 ${pct(xs, 95)} max ${Math.max(...xs)} ms, ${shown} % of its frames decoded`;
  } finally {
    probe.kill('SIGKILL');
    await lab.stop();
  }
}

export async function benchSource(): Promise<void> {
  for (const n of COUNTS) console.log(await floor(n));
}
