/**
 * `npm run bench -- --probe`: where the time goes between spawning a camera's ffmpeg and its first
 * access unit, with the gateway's own command line (ffmpeg-args.ts) and variants of it, on lab
 * cameras at GOPs of 1, 2 and 4 s. Each run reads ffmpeg's debug log as it comes, per phase (ms
 * since spawn): started (the process runs: exec and library loading), connected (TCP), described
 * (the SDP read), set up (SETUP answered, PLAY sent), probed (input opened) and the first unit (a key
 * frame, read from the FLV), and how long past the first key frame that reached the lab's clients
 * after its SETUP the run's first unit came (a key frame lost while probing costs a GOP). The
 * variants take turns within each run, so a load change hits them alike; each prints its ratios
 * against the first variant, measured in the same run.
 * Flags: --runs N (5; 2 with --short)
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { RtspLab } from '../test-support/video/rtsp-lab';
import { ffmpegArgs, RTSP_PROBE_ARGS } from '../main/video/streams/ffmpeg-args';
import { FlvDemuxer } from '../main/video/streams/flv';
import { pct } from './bench-measure';

const argv = process.argv.slice(2);
const i = argv.indexOf('--runs');
const RUNS = Number(i >= 0 ? argv[i + 1] : argv.includes('--short') ? 2 : 5);
const GOPS = [1, 2, 4];

const PHASES = [
  'started',
  'connected',
  'described',
  'set up',
  'probed',
  'first unit',
  'past the key frame',
] as const;
type Phase = (typeof PHASES)[number];
/** The debug-log line that marks each phase but the last. */
const MARKS: [Phase, RegExp][] = [
  ['started', /./],
  ['connected', /Successfully connected/],
  ['described', /SDP:/],
  ['set up', /hello state=/],
  ['probed', /^Input #0/m],
];

interface Variant {
  /** The gateway's command line, changed. */
  args: (gateway: string[]) => string[];
  /** Another ffmpeg binary (skipped when absent). */
  binary?: string;
}

/** Replaces the gateway's probe settings with these (null: ffmpeg's defaults). */
const withProbe =
  (probe: readonly string[] | null) =>
  (a: string[]): string[] => {
    const at = a.indexOf('-probesize');
    const rest = [...a.slice(0, at), ...a.slice(at + 6)];
    const input = rest.indexOf('-i');
    return probe ? [...rest.slice(0, input), ...probe, ...rest.slice(input)] : rest;
  };
const without =
  (flag: string) =>
  (a: string[]): string[] => {
    const at = a.indexOf(flag);
    return at < 0 ? a : [...a.slice(0, at), ...a.slice(at + 2)];
  };

function bundledFfmpeg(): string | undefined {
  try {
    const p = (createRequire(__filename)('@ffmpeg-installer/ffmpeg') as { path: string }).path;
    return fs.existsSync(p) ? p : undefined;
  } catch {
    return undefined;
  }
}

const before = (a: string[]): string[] => {
  const input = a.indexOf('-i');
  return withProbe(RTSP_PROBE_ARGS.full)([...a.slice(0, input), '-fflags', 'nobuffer', ...a.slice(input)]);
};

/** The first is the baseline of the ratios: the gateway's command line before issue 22's second round. */
export const PROBE_VARIANTS: Record<string, Variant> = {
  'before: probesize 32k, analyzeduration 5 s, -fflags nobuffer (baseline)': { args: before },
  'probesize 32, analyzeduration 0, -fflags nobuffer': {
    args: (a) => withProbe(RTSP_PROBE_ARGS.short)(before(a)),
  },
  'the gateway: probesize 32, analyzeduration 0': { args: (a) => a },
  'the gateway, probing in full (its fallback)': { args: withProbe(RTSP_PROBE_ARGS.full) },
  'the gateway without -flags low_delay': { args: without('-flags') },
  'ffmpeg defaults (probing, -fflags)': { args: (a) => withProbe(null)(before(a)) },
  // ffmpeg 4 reads an RTSP `-timeout` as a listening one: that build runs without it.
  'the gateway, bundled static ffmpeg 4': { args: without('-timeout'), binary: bundledFfmpeg() },
};

type Run = Partial<Record<Phase, number>>;

/**
 * When the camera's key frames reach the lab's clients: a reader that stays connected, so a run's
 * wait beyond the first key frame after its SETUP ('past the key frame') is told apart from the wait
 * for that key frame, which only the camera's GOP decides.
 */
function keyClock(url: string): { keys: number[]; stop: () => void } {
  const keys: number[] = [];
  const base = ffmpegArgs({ kind: 'rtsp', url }, 'annexb', 'h264', true, 'flv', 'short');
  const p = spawn('ffmpeg', base, { stdio: ['ignore', 'pipe', 'ignore'] });
  const flv = new FlvDemuxer((au) => {
    if (au.key) keys.push(performance.now());
  });
  p.stdout.on('data', (d: Buffer) => flv.push(d));
  return { keys, stop: () => p.kill('SIGKILL') };
}

function once(url: string, v: Variant, keys: number[]): Promise<Run | null> {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const run: Run = {};
    const mark = (p: Phase): void => {
      run[p] ??= Math.round(performance.now() - t0);
    };
    const base = ffmpegArgs({ kind: 'rtsp', url }, 'annexb', 'h264', true, 'flv', 'short');
    const args = v.args(base).map((a, k, all) => (all[k - 1] === '-loglevel' ? 'debug' : a));
    const p = spawn(v.binary ?? 'ffmpeg', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const done = (r: Run | null): void => {
      clearTimeout(timer);
      p.kill('SIGKILL');
      resolve(r);
    };
    const timer = setTimeout(() => done(null), 15_000);
    let tail = '';
    p.stderr.on('data', (d: Buffer) => {
      tail = (tail + d.toString('latin1')).slice(-4096);
      for (const [phase, re] of MARKS) if (run[phase] === undefined && re.test(tail)) mark(phase);
    });
    const flv = new FlvDemuxer((au) => {
      if (!au.key || run['first unit'] !== undefined) return;
      mark('first unit');
      p.kill('SIGKILL');
      // The reader may see that same key frame a moment after this run: look once it has.
      setTimeout(() => {
        const setUp = run['set up'];
        const key = keys.find((k) => setUp !== undefined && k >= t0 + setUp);
        if (key !== undefined)
          run['past the key frame'] = Math.max(0, Math.round(t0 + run['first unit']! - key));
        done(run);
      }, 300);
    });
    p.stdout.on('data', (d: Buffer) => {
      try {
        flv.push(d);
      } catch {
        done(null);
      }
    });
    p.on('error', () => done(null));
  });
}

const ratio = (a: number | null, b: number | null): string =>
  a === null || b === null || b === 0 ? 'n/a' : `×${(a / b).toFixed(2)}`;

export async function benchProbe(): Promise<string> {
  const lab = new RtspLab({
    cameras: GOPS.map((gop) => ({ width: 640, height: 360, gop })),
    keepAlive: true,
  });
  await lab.start();
  const cases = GOPS.map((gop, gi) => ({ label: `GOP ${gop} s`, gop, url: lab.url(gi) }));
  const lines: string[] = [];
  const variants = Object.entries(PROBE_VARIANTS).filter(([, v]) => !('binary' in v) || v.binary);
  try {
    for (const { label, gop, url } of cases) {
      const keys = keyClock(url);
      const runs = new Map<string, Run[]>(variants.map(([n]) => [n, []]));
      const failed = new Map<string, number>(variants.map(([n]) => [n, 0]));
      for (let k = 0; k < RUNS; k++)
        for (const [name, v] of variants) {
          // Runs back to back would start at the same point of the GOP: start anywhere in it.
          await new Promise((r) => setTimeout(r, Math.random() * gop * 1000));
          const r = await once(url, v, keys.keys);
          if (r) runs.get(name)!.push(r);
          else failed.set(name, failed.get(name)! + 1);
        }
      const of = (name: string, p: Phase): number[] =>
        runs.get(name)!.flatMap((r) => (r[p] === undefined ? [] : [r[p]]));
      const [baseline] = variants[0]!;
      for (const [name] of variants) {
        const phases = PHASES.map((p) => `${p} ${pct(of(name, p), 50) ?? 'n/a'}`).join(', ');
        const u = of(name, 'first unit');
        const b = of(baseline, 'first unit');
        const past = of(name, 'past the key frame');
        const line =
          `${label}, ${name}: p50 per phase (ms since spawn) ${phases}; first unit p95 ${pct(u, 95) ?? 'n/a'}, ` +
          `past the key frame p95 ${pct(past, 95) ?? 'n/a'} ms; ratio to baseline: probed p50 ` +
          `${ratio(pct(of(name, 'probed'), 50), pct(of(baseline, 'probed'), 50))}, first unit p50 ` +
          `${ratio(pct(u, 50), pct(b, 50))} p95 ${ratio(pct(u, 95), pct(b, 95))} (n=${u.length}, failed ${failed.get(name)})`;
        console.log(line);
        lines.push(line);
      }
      keys.stop();
    }
  } finally {
    await lab.stop();
  }
  return lines.join(' | ');
}
