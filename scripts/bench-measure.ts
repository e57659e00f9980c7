/** One benchmark measurement: one render path, one tile count, on a running camera lab. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import type { RtspLab } from '../test-support/video/rtsp-lab';
import { createOperator, login, startHost, type Host } from '../test-support/e2e/host';
import { classify, cpuSeconds, readProcs, type Group } from './bench-proc';

export type PathName = 'canvas' | 'generator' | 'worker-generator' | 'baseline';

export const PATH_QUERY: Record<PathName, string> = {
  canvas: 'video=webcodecs&render=worker',
  generator: 'video=webcodecs&render=generator',
  'worker-generator': 'video=webcodecs&render=worker-generator',
  baseline: 'video=mpeg1',
};

export interface Quantiles {
  p50: number | null;
  p95: number | null;
  n: number;
}

export interface PathResult {
  tiles: number;
  cpu: Record<Group | 'gateway' | 'total', number>;
  /** CPU of the synthetic cameras (RTSP server, publishers), not part of Vigie. */
  labCpu: number;
  /** Frames shown per second per tile (presented by the <video> on the generator path). */
  fpsPerTile: { min: number; median: number };
  /**
   * CPU milliseconds per frame shown: the fair comparison when a path saturates. null when the
   * window showed no frame at all (a starved run): no meaningful ratio.
   */
  cpuMsPerFrame: number | null;
  dropped: number;
  droppedPct: number;
  /** Glass-to-glass, from the stamp on the displayed picture of tile 0; halves show any drift. */
  latency: Quantiles & { firstHalfP50: number | null; secondHalfP50: number | null; samples: number[] };
  switchCold: Quantiles & { failed: number };
  switchWarm: Quantiles & { failed: number };
  peakMemMiB: Record<Group, number>;
}

export const pct = (xs: number[], p: number): number | null => {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};

interface Stats {
  cameraId: number;
  decoded: number;
  shown: number;
  presented: number | null;
  dropped: number;
  firstFrameAt: number | null;
  startedAt: number;
  latency: number[];
}
const stats = (page: Page): Promise<Record<number, Stats>> =>
  page.evaluate(() => JSON.parse(JSON.stringify(window.__vigieStats ?? {})));

/** Time from the operator's command to the new camera's first frame on tile 0 (null: none within 15 s). */
async function switchTime(page: Page, cameraId: number): Promise<number | null> {
  const t0 = await page.evaluate((id) => window.__vigieBench!.assign(0, id), cameraId);
  try {
    await page.waitForFunction(
      (id) => {
        const s = window.__vigieStats?.[0];
        return s && s.cameraId === id && s.firstFrameAt !== null;
      },
      cameraId,
      { timeout: 15_000, polling: 5 },
    );
  } catch {
    return null;
  }
  const s = (await stats(page))[0]!;
  return s.firstFrameAt! - t0;
}

const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--autoplay-policy=no-user-gesture-required',
];

/** Debian's headless Chromium as every bench case drives it (video plays without a gesture). */
export const launchBenchBrowser = (): Promise<Browser> =>
  chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });

/** The layout that shows this many tiles. */
export const LAYOUT: Record<number, string> = { 1: '1', 4: '2x2', 8: '1+7', 9: '3x3', 16: '4x4' };

/** Logs the operator (the bench's by default) in at `url` and shows `tiles` tiles once the post's saved mosaic is there. */
export async function openMosaic(
  page: Page,
  url: string,
  tiles: number,
  who = { login: 'bench', password: 'bench-password' },
): Promise<void> {
  await page.goto(url);
  await login(page, who.login, who.password);
  await page.waitForSelector('[data-testid="mosaic"][data-sync="ready"]', { timeout: 60_000 });
  // Through the bench driver: a saturated page may not pass the UI's actionability checks in time.
  await page.evaluate((l) => window.__vigieBench!.layout(l), LAYOUT[tiles] ?? '4x4');
}

/** Waits (120 s at most) for `done(tiles)` in the page; on a timeout, says where each tile stands and what the host last warned. */
export async function untilTiles(
  page: Page,
  host: Host,
  what: string,
  done: (tiles: number) => boolean | undefined,
  tiles: number,
): Promise<void> {
  await page.waitForFunction(done, tiles, { timeout: 120_000, polling: 250 }).catch(async (e: unknown) => {
    const states = await page.$$eval('[data-testid^="tile-"][data-state]', (els) =>
      els.map((el) => `${el.getAttribute('data-testid')}=${el.getAttribute('data-state')}`),
    );
    const warnings = host
      .output()
      .split('\n')
      .filter((l) => /WARN|ERROR/.test(l))
      .slice(-8);
    throw new Error(`${what}: ${states.join(' ')}\n${warnings.join('\n')}`, { cause: e });
  });
}

export interface MeasureOptions {
  tiles: number;
  seconds: number;
  /** Cameras off the mosaic (ids after the tiles'), for cold switches; 0 skips switches. */
  coldSwitches: number;
  warmSwitches: number;
  env?: NodeJS.ProcessEnv;
}

export async function measure(
  lab: RtspLab,
  inventory: string,
  which: PathName,
  o: MeasureOptions,
): Promise<PathResult> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-bench-data-'));
  createOperator(dataDir, { login: 'bench', password: 'bench-password', role: 'viewer' });
  const host = await startHost({ cameras: inventory, dataDir, env: o.env });
  const ctx = await chromium.launchPersistentContext(
    fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-bench-chrome-')),
    {
      executablePath: CHROMIUM_PATH,
      viewport: { width: 1920, height: 1080 },
      args: [
        ...CHROMIUM_ARGS,
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  );
  const page = ctx.pages()[0] ?? (await ctx.newPage());
  const tiles = o.tiles;
  try {
    // 4 and 8 tiles: every frame on every tile (the 25 fps targets); 16: small tiles show one in two.
    const full = tiles <= 8 ? '&fullrate=1' : '';
    await openMosaic(
      page,
      `${host.url}?bench=1&${PATH_QUERY[which]}${full}${process.env.VIGIE_BENCH_QUERY ?? ''}`,
      tiles,
    );
    // Every tile has shown a frame (DOM states may flap on a saturated 2-core machine; that is measured below).
    await untilTiles(
      page,
      host,
      `${which}: not every tile showed a frame`,
      (n) => Array.from({ length: n }, (_, i) => window.__vigieStats?.[i]?.firstFrameAt).every((x) => x),
      tiles,
    );
    await page.waitForTimeout(o.seconds < 5 ? 500 : 2000); // let start-up bursts settle first
    const excluded = new Set(lab.pids());
    const before = readProcs();
    const s0 = await stats(page);
    const groups0 = classify(before, host.proc.pid!, excluded);
    const peak: Record<Group, number> = { ffmpeg: 0, host: 0, browser: 0 };
    const t0 = Date.now();
    while (Date.now() - t0 < o.seconds * 1000) {
      await new Promise((r) => setTimeout(r, 1000));
      const now = readProcs();
      const sum: Record<Group, number> = { ffmpeg: 0, host: 0, browser: 0 };
      for (const [pid, g] of classify(now, host.proc.pid!, excluded)) sum[g] += now.get(pid)?.rssBytes ?? 0;
      for (const g of Object.keys(sum) as Group[]) peak[g] = Math.max(peak[g], sum[g]);
    }
    const after = readProcs();
    const elapsed = (Date.now() - t0) / 1000;
    const s1 = await stats(page);
    const cpu = { ffmpeg: 0, host: 0, browser: 0, gateway: 0, total: 0 };
    const groups1 = classify(after, host.proc.pid!, excluded);
    const byType = new Map<string, number>();
    for (const [pid, g] of groups1) {
      const dt = (after.get(pid)?.cpuTicks ?? 0) - (groups0.has(pid) ? (before.get(pid)?.cpuTicks ?? 0) : 0);
      cpu[g] += cpuSeconds(dt) / elapsed;
      if (g === 'browser' && process.env.VIGIE_BENCH_PROCS) {
        let type = 'browser';
        try {
          const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
          type = /--type=([a-z-]+)/.exec(cmd)?.[1] ?? 'browser';
          if (type === 'utility')
            type += /--utility-sub-type=([\w.]+)/.exec(cmd)?.[1]?.replace(/.*\./, ':') ?? '';
        } catch {
          /* gone */
        }
        byType.set(type, (byType.get(type) ?? 0) + cpuSeconds(dt) / elapsed);
      }
    }
    if (byType.size)
      console.log(
        `  ${which} browser CPU by process: ${[...byType].map(([k, v]) => `${k} ${v.toFixed(2)}`).join(', ')}`,
      );
    cpu.gateway = cpu.ffmpeg + cpu.host;
    cpu.total = cpu.gateway + cpu.browser;
    // The camera lab shares these 2 cores; reported so a saturated run reads as such.
    let labTicks = 0;
    for (const pid of excluded)
      labTicks += (after.get(pid)?.cpuTicks ?? 0) - (before.get(pid)?.cpuTicks ?? 0);
    const labCpu = cpuSeconds(labTicks) / elapsed;
    const fps: number[] = [];
    let dropped = 0;
    let decoded = 0;
    for (let i = 0; i < tiles; i++) {
      const a = s0[i];
      const b = s1[i];
      if (!a || !b) continue;
      const shown = (s: Stats): number => s.presented ?? s.shown;
      fps.push((shown(b) - shown(a)) / elapsed);
      dropped += b.dropped - a.dropped;
      decoded += b.decoded - a.decoded;
    }
    const shownPerSecond = fps.reduce((a, b) => a + b, 0);
    const latency = s1[0]?.latency.slice(s0[0]?.latency.length ?? 0) ?? [];
    const half = Math.floor(latency.length / 2);
    // Switches: warm = camera already streaming on another tile; cold = a camera no one watches.
    const cold: (number | null)[] = [];
    const warm: (number | null)[] = [];
    for (let k = 0; k < o.coldSwitches; k++) {
      cold.push(await switchTime(page, 101 + tiles + k));
      for (let w = 0; w < Math.ceil(o.warmSwitches / o.coldSwitches); w++)
        warm.push(await switchTime(page, 101 + 1 + ((k + w) % Math.max(1, tiles - 1))));
    }
    const q = (xs: (number | null)[]): Quantiles & { failed: number } => {
      const done = xs.filter((x): x is number => x !== null);
      return { p50: pct(done, 50), p95: pct(done, 95), n: done.length, failed: xs.length - done.length };
    };
    return {
      tiles,
      cpu,
      labCpu,
      fpsPerTile: { min: fps.length ? Math.min(...fps) : 0, median: pct(fps, 50) ?? 0 },
      cpuMsPerFrame: shownPerSecond > 0 ? (1000 * cpu.total) / shownPerSecond : null,
      dropped,
      droppedPct: decoded + dropped ? (100 * dropped) / (decoded + dropped) : 0,
      latency: {
        p50: pct(latency, 50),
        p95: pct(latency, 95),
        n: latency.length,
        firstHalfP50: pct(latency.slice(0, half), 50),
        secondHalfP50: pct(latency.slice(half), 50),
        samples: latency,
      },
      switchCold: q(cold),
      switchWarm: q(warm),
      peakMemMiB: {
        ffmpeg: peak.ffmpeg / 2 ** 20,
        host: peak.host / 2 ** 20,
        browser: peak.browser / 2 ** 20,
      },
    };
  } finally {
    await ctx.close();
    await host.stop();
  }
}
