/**
 * `npm run bench`: the console's render paths compared in one run, on the same cameras, driving
 * the console in headless Chromium through the browser host:
 *   canvas    WebCodecs drawn on a canvas in a worker (the previous default, now the fallback)
 *   generator WebCodecs on the page thread into a <video> through MediaStreamTrackGenerator
 *   worker-generator  the same generator, its writable transferred to a decoding worker
 *   baseline  MPEG-1 transcode decoded by jsmpeg
 * at 4, 8 and 16 tiles. Prints figures and ratios against the canvas path and the baseline, writes JSON.
 * The camera lab: one camera stamped live with the wall clock (tile 0: glass-to-glass latency),
 * the others replayed from a pre-encoded clip with -c copy, so the figures measure the console.
 * Flags: --tiles 4,8,16  --seconds S (20)  --sizes 640x360[,1280x720]  --paths canvas,generator,worker-generator,baseline
 *        --short (4 tiles, 3 s, worker-generator and baseline: CI proves the bench still works)
 *        --framing (adds 4 generator tiles with the old split framing, one frame later, to compare)
 *        --ptz (PTZ latency against the loopback ONVIF peer instead: scripts/bench-ptz.ts)
 *        --registry (a year of registry, 2 million entries, and its jobs while tiles play: scripts/bench-registry.ts)
 *        --source (the camera lab's own latency floor, without Vigie: scripts/bench-source.ts)
 *        --startup (login, number calls flowing and not, at GOPs 1, 2, 4 s: scripts/bench-startup.ts)
 *        --probe (ffmpeg's probe settings, spawn to first unit, at GOPs 1, 2, 4 s: scripts/bench-probe.ts)
 *        --no-wall (skips the wall case: the largest tile count on the console, then also on the wall page)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { RtspLab } from '../test-support/video/rtsp-lab';
import { measure, type PathName, type PathResult } from './bench-measure';
import { measureWall, type WallCaseResult } from './bench-wall';

const argv = process.argv.slice(2);
const flag = (n: string): string | undefined => {
  const i = argv.indexOf(`--${n}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const short = argv.includes('--short');
const TILES = (flag('tiles') ?? (short ? '4' : '4,8,16')).split(',').map(Number);
const SECONDS = Number(flag('seconds') ?? (short ? 3 : 20));
const SIZES = (flag('sizes') ?? '640x360')
  .split(',')
  .map((s) => s.split('x').map(Number) as [number, number]);
const PATHS = (
  flag('paths') ?? (short ? 'worker-generator,baseline' : 'canvas,generator,worker-generator,baseline')
).split(',') as PathName[];
const FRAMING = argv.includes('--framing');
const WALL = !argv.includes('--no-wall');
const N = Math.max(...TILES);
const EXTRA = short ? 1 : 3; // cameras off the mosaic, for cold switches (measured at the smallest tile count)

const f = (x: number | null, d = 0): string => (x === null ? 'n/a' : x.toFixed(d));
const ratio = (a: number | null, b: number | null): string =>
  a === null || b === null || b === 0 ? 'n/a' : `×${(a / b).toFixed(2)}`;

function print(label: string, r: PathResult): void {
  console.log(
    `  ${label.padEnd(10)} CPU s/s: gateway ${f(r.cpu.gateway, 2)} (ffmpeg ${f(r.cpu.ffmpeg, 2)}, host ${f(r.cpu.host, 2)}), browser ${f(r.cpu.browser, 2)}, total ${f(r.cpu.total, 2)} (camera lab ${f(r.labCpu, 2)})`,
  );
  console.log(
    `             fps/tile min ${f(r.fpsPerTile.min, 1)} median ${f(r.fpsPerTile.median, 1)}; dropped ${r.dropped} (${f(r.droppedPct, 2)} %); CPU per shown frame ${f(r.cpuMsPerFrame, 2)} ms`,
  );
  console.log(
    `             glass-to-glass ms p50 ${f(r.latency.p50)} p95 ${f(r.latency.p95)} (${r.latency.n} samples; p50 first half ${f(r.latency.firstHalfP50)}, second half ${f(r.latency.secondHalfP50)})`,
  );
  if (r.switchCold.n + r.switchCold.failed)
    console.log(
      `             switch ms cold p50 ${f(r.switchCold.p50)} p95 ${f(r.switchCold.p95)} (n=${r.switchCold.n}, failed ${r.switchCold.failed}), warm p50 ${f(r.switchWarm.p50)} p95 ${f(r.switchWarm.p95)} (n=${r.switchWarm.n}, failed ${r.switchWarm.failed})`,
    );
  console.log(
    `             peak RSS MiB: ffmpeg ${f(r.peakMemMiB.ffmpeg)}, host ${f(r.peakMemMiB.host)}, browser ${f(r.peakMemMiB.browser)}`,
  );
}

function compare(label: string, a: PathResult, b: PathResult): string {
  return `${label}: CPU/frame ${ratio(a.cpuMsPerFrame, b.cpuMsPerFrame)}, total CPU ${ratio(a.cpu.total, b.cpu.total)}, latency p50 ${ratio(a.latency.p50, b.latency.p50)}, p95 ${ratio(a.latency.p95, b.latency.p95)}`;
}

async function main(): Promise<void> {
  const results: Record<string, Record<string, PathResult>> = {};
  const summary: string[] = [];
  const wallCases: Record<string, WallCaseResult> = {};
  console.log(
    `Vigie bench: tiles ${TILES.join(', ')}, paths ${PATHS.join(', ')}, ${SECONDS} s window, sizes ${SIZES.map((s) => s.join('x')).join(', ')}, ${os.cpus().length} cores, load ${os
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}`,
  );
  for (const [w, h] of SIZES) {
    // One camera stamped live (tile 0); the others replay a pre-encoded loop, so the lab stays light.
    const lab = new RtspLab({
      cameras: Array.from({ length: N + EXTRA }, (_, i) => ({ width: w, height: h, stamp: i === 0 })),
      keepAlive: true,
    });
    await lab.start();
    try {
      const inventory = lab.writeInventory();
      for (const tiles of TILES) {
        const key = `${tiles} × ${w}x${h}`;
        const switches = tiles === Math.min(...TILES);
        const row: Record<string, PathResult> = {};
        for (const p of PATHS)
          row[p] = await measure(lab, inventory, p, {
            tiles,
            seconds: SECONDS,
            coldSwitches: switches ? EXTRA : 0,
            warmSwitches: switches ? (short ? 1 : 6) : 0,
          });
        if (FRAMING && switches)
          row['generator, split framing'] = await measure(lab, inventory, 'generator', {
            tiles,
            seconds: SECONDS,
            coldSwitches: 0,
            warmSwitches: 0,
            env: { VIGIE_H264_FRAMING: 'split' },
          });
        results[key] = row;
        console.log(`\n${key}`);
        for (const [label, r] of Object.entries(row)) print(label, r);
        // The default path (worker-generator, else generator) against the others.
        const g = row['worker-generator'] ?? row.generator;
        const gName = row['worker-generator'] ? 'worker-generator' : 'generator';
        const lines: string[] = [];
        if (g && row.canvas) lines.push(compare(`${gName}/canvas`, g, row.canvas));
        if (row['worker-generator'] && row.generator)
          lines.push(compare('worker-generator/generator', row['worker-generator'], row.generator));
        if (row.generator && row.canvas && g !== row.generator)
          lines.push(compare('generator/canvas', row.generator, row.canvas));
        if (g && row.baseline) lines.push(compare(`${gName}/baseline`, g, row.baseline));
        if (row.generator && row['generator, split framing'])
          lines.push(compare('FLV/split framing', row.generator, row['generator, split framing']));
        for (const l of lines) console.log(`  ${l}`);
        if (g)
          summary.push(
            `${key}: ${gName} fps min ${f(g.fpsPerTile.min, 1)} median ${f(g.fpsPerTile.median, 1)}, p50 ${f(g.latency.p50)} p95 ${f(g.latency.p95)} ms, ${lines.join('; ')}`,
          );
      }
      if (WALL) {
        const key = `${N} × ${w}x${h}`;
        const r = await measureWall(lab, inventory, N, SECONDS);
        wallCases[key] = r;
        const u = r.upstreams;
        const line = `wall ${key}: upstreams console alone ${u.consoleAlone.gateway} (ffmpeg ${u.consoleAlone.ffmpeg}), console + wall ${u.withWall.gateway} (ffmpeg ${u.withWall.ffmpeg}); gateway CPU s/s ${f(r.gatewayCpu.consoleAlone, 2)} alone, ${f(r.gatewayCpu.withWall, 2)} with the wall (${ratio(r.gatewayCpu.withWall, r.gatewayCpu.consoleAlone)})`;
        console.log(`\n${line}`);
        summary.push(line);
      }
    } finally {
      await lab.stop();
    }
  }
  // --short: the registry case too, on a small registry, so CI proves it runs.
  if (short) summary.push(await (await import('./bench-registry')).benchRegistry());
  fs.mkdirSync('bench-results', { recursive: true });
  const out = path.join('bench-results', `bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(
    out,
    JSON.stringify(
      {
        at: new Date().toISOString(),
        tiles: TILES,
        seconds: SECONDS,
        cores: os.cpus().length,
        loadavg: os.loadavg(),
        results,
        wall: wallCases,
      },
      null,
      2,
    ),
  );
  console.log(`\nSUMMARY — ${summary.join(' | ')}`);
  console.log(
    `load after ${os
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}; written ${out}`,
  );
}

// `npm run bench -- --ptz`: PTZ input-to-command and release-to-Stop latency instead (bench-ptz.ts).
// `npm run bench -- --registry`: a year of registry and its jobs while tiles play (bench-registry.ts).
// `npm run bench -- --source`: the camera lab's own latency floor, without Vigie (bench-source.ts).
// `npm run bench -- --startup`: login and number calls to a current picture (bench-startup.ts).
(argv.includes('--ptz')
  ? import('./bench-ptz').then((m) => m.finished)
  : argv.includes('--probe')
    ? import('./bench-probe').then(async (m) => console.log(`\nSUMMARY — ${await m.benchProbe()}`))
    : argv.includes('--startup')
      ? import('./bench-startup').then(async (m) => console.log(`\nSUMMARY — ${await m.benchStartup()}`))
      : argv.includes('--registry')
        ? import('./bench-registry').then((m) => m.benchRegistry())
        : argv.includes('--source')
          ? import('./bench-source').then((m) => m.benchSource())
          : main()
).then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
