/**
 * `npm run bench`: baseline (MPEG-1 transcode + jsmpeg) against the fast path (copy + WebCodecs),
 * in one run, on N stamped synthetic cameras served by a loopback RTSP server, driving the
 * console in headless Chromium through the browser host. Prints figures and ratios, writes JSON.
 * Flags: --cameras N (16) --seconds S (20) --sizes 640x360,1280x720 --short (4 cameras, 5 s, 640x360)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { RtspLab } from '../e2e/fixtures/rtsp-lab';
import { createOperator, login, startHost } from '../e2e/fixtures/host';
import { classify, cpuSeconds, readProcs, type Group } from './bench-proc';

const argv = process.argv.slice(2);
const flag = (n: string): string | undefined => {
  const i = argv.indexOf(`--${n}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const short = argv.includes('--short');
const N = Number(flag('cameras') ?? (short ? 4 : 16));
const SECONDS = Number(flag('seconds') ?? (short ? 5 : 20));
const SIZES = (flag('sizes') ?? (short ? '640x360' : '640x360,1280x720'))
  .split(',')
  .map((s) => s.split('x').map(Number) as [number, number]);
const EXTRA = short ? 2 : 4; // cameras off the mosaic, for cold switches
const WARM = short ? 2 : 6;
const STAMPED = Math.min(4, N);
/** --only fast|baseline: profile one path (no ratios); the default measures both in the same run. */
const ONLY = flag('only') as PathName | undefined;

type PathName = 'baseline' | 'fast';
interface PathResult {
  cpu: Record<Group | 'gateway' | 'total', number>;
  /** CPU of the synthetic cameras (RTSP server, publishers), not part of Vigie. */
  labCpu: number;
  fpsPerTile: { min: number; median: number };
  /** CPU milliseconds per frame delivered on screen: the fair comparison when a path saturates. */
  cpuMsPerFrame: number;
  dropped: number;
  droppedPct: number;
  latency: { p50: number | null; p95: number | null; samples: number };
  switchCold: { p50: number | null; p95: number | null; n: number; failed: number };
  switchWarm: { p50: number | null; p95: number | null; n: number; failed: number };
  peakMemMiB: Record<Group, number>;
}

const pct = (xs: number[], p: number): number | null => {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};

interface Stats {
  cameraId: number;
  decoded: number;
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

async function measure(lab: RtspLab, inventory: string, which: PathName): Promise<PathResult> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-bench-data-'));
  createOperator(dataDir, { login: 'bench', password: 'bench-password', role: 'viewer' });
  const host = await startHost({ cameras: inventory, dataDir });
  const ctx = await chromium.launchPersistentContext(
    fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-bench-chrome-')),
    {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      viewport: { width: 1920, height: 1080 },
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-dev-shm-usage',
      ],
    },
  );
  const page = ctx.pages()[0] ?? (await ctx.newPage());
  try {
    await page.goto(
      `${host.url}?bench=1&video=${which === 'baseline' ? 'mpeg1' : 'webcodecs'}${process.env.VIGIE_BENCH_QUERY ?? ''}`,
    );
    await login(page, 'bench', 'bench-password');
    const tiles = Math.min(N, 16);
    await page
      .getByTestId(`layout-${tiles <= 1 ? '1' : tiles <= 4 ? '2x2' : tiles <= 9 ? '3x3' : '4x4'}`)
      .click();
    // Every tile has shown a frame (DOM states may flap on a saturated 2-core machine; that is measured below).
    await page
      .waitForFunction(
        (n) => Array.from({ length: n }, (_, i) => window.__vigieStats?.[i]?.firstFrameAt).every((x) => x),
        tiles,
        { timeout: 90_000, polling: 250 },
      )
      .catch(async (e: unknown) => {
        const states = await page.$$eval('[data-testid^="tile-"][data-state]', (els) =>
          els.map((el) => `${el.getAttribute('data-testid')}=${el.getAttribute('data-state')}`),
        );
        throw new Error(
          `${which}: not every tile showed a frame: ${states.join(' ')}\n${host
            .output()
            .split('\n')
            .filter((l) => /WARN|ERROR/.test(l))
            .slice(-8)
            .join('\n')}`,
          { cause: e },
        );
      });
    await page.waitForTimeout(2000); // let start-up bursts settle before the measured window
    const excluded = new Set(lab.pids());
    const before = readProcs();
    const s0 = await stats(page);
    const groups0 = classify(before, host.proc.pid!, excluded);
    const peak: Record<Group, number> = { ffmpeg: 0, host: 0, browser: 0 };
    const t0 = Date.now();
    while (Date.now() - t0 < SECONDS * 1000) {
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
    for (const [pid, g] of groups1) {
      const dt = (after.get(pid)?.cpuTicks ?? 0) - (groups0.has(pid) ? (before.get(pid)?.cpuTicks ?? 0) : 0);
      cpu[g] += cpuSeconds(dt) / elapsed;
    }
    if (process.env.VIGIE_BENCH_PROCS) {
      // Where the browser's CPU goes, by Chromium process type.
      const byType = new Map<string, number>();
      for (const [pid, g] of groups1) {
        if (g !== 'browser') continue;
        let type = 'browser';
        try {
          type = /--type=([a-z-]+)/.exec(fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8'))?.[1] ?? 'browser';
        } catch {
          /* gone */
        }
        if (type === 'utility')
          try {
            type +=
              /--utility-sub-type=([\w.]+)/
                .exec(fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8'))?.[1]
                ?.replace(/.*\./, ':') ?? '';
          } catch {
            /* gone */
          }
        const dt =
          (after.get(pid)?.cpuTicks ?? 0) - (groups0.has(pid) ? (before.get(pid)?.cpuTicks ?? 0) : 0);
        byType.set(type, (byType.get(type) ?? 0) + cpuSeconds(dt) / elapsed);
      }
      console.log(
        `  ${which} browser CPU by process: ${[...byType].map(([k, v]) => `${k} ${v.toFixed(2)}`).join(', ')}`,
      );
    }
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
    const latency: number[] = [];
    for (let i = 0; i < tiles; i++) {
      const a = s0[i];
      const b = s1[i];
      if (!a || !b) continue;
      fps.push((b.decoded - a.decoded) / elapsed);
      dropped += b.dropped - a.dropped;
      decoded += b.decoded - a.decoded;
      latency.push(...b.latency.slice(a.latency.length));
    }
    // Switches: warm = camera already streaming on another tile; cold = a camera no one watches.
    const cold: (number | null)[] = [];
    const warm: (number | null)[] = [];
    for (let k = 0; k < EXTRA; k++) {
      cold.push(await switchTime(page, 101 + N + k));
      for (let w = 0; w < Math.ceil(WARM / EXTRA); w++)
        warm.push(await switchTime(page, 101 + 1 + ((k + w) % Math.max(1, tiles - 1))));
    }
    const done = (xs: (number | null)[]): number[] => xs.filter((x): x is number => x !== null);
    return {
      cpu,
      labCpu,
      fpsPerTile: { min: Math.min(...fps), median: pct(fps, 50) ?? 0 },
      cpuMsPerFrame:
        (1000 * cpu.total) /
        Math.max(
          1e-9,
          fps.reduce((a, b) => a + b, 0),
        ),
      dropped,
      droppedPct: decoded + dropped ? (100 * dropped) / (decoded + dropped) : 0,
      latency: { p50: pct(latency, 50), p95: pct(latency, 95), samples: latency.length },
      switchCold: {
        p50: pct(done(cold), 50),
        p95: pct(done(cold), 95),
        n: done(cold).length,
        failed: cold.length - done(cold).length,
      },
      switchWarm: {
        p50: pct(done(warm), 50),
        p95: pct(done(warm), 95),
        n: done(warm).length,
        failed: warm.length - done(warm).length,
      },
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

const f = (x: number | null, d = 0): string => (x === null ? 'n/a' : x.toFixed(d));
const ratio = (a: number | null, b: number | null): string =>
  a === null || b === null || b === 0 ? 'n/a' : (a / b).toFixed(2);

function print(label: string, r: PathResult): void {
  console.log(
    `  ${label.padEnd(9)} CPU s/s: gateway ${f(r.cpu.gateway, 2)} (ffmpeg ${f(r.cpu.ffmpeg, 2)}, host ${f(r.cpu.host, 2)}), browser ${f(r.cpu.browser, 2)}, total ${f(r.cpu.total, 2)} (camera lab ${f(r.labCpu, 2)})`,
  );
  console.log(
    `            fps/tile min ${f(r.fpsPerTile.min, 1)} median ${f(r.fpsPerTile.median, 1)}; dropped ${r.dropped} (${f(r.droppedPct, 2)} %); CPU per delivered frame ${f(r.cpuMsPerFrame, 2)} ms`,
  );
  console.log(
    `            glass-to-glass ms p50 ${f(r.latency.p50)} p95 ${f(r.latency.p95)} (${r.latency.samples} samples)`,
  );
  console.log(
    `            switch ms cold p50 ${f(r.switchCold.p50)} p95 ${f(r.switchCold.p95)} (n=${r.switchCold.n}, no frame within 15 s: ${r.switchCold.failed}), warm p50 ${f(r.switchWarm.p50)} p95 ${f(r.switchWarm.p95)} (n=${r.switchWarm.n}, failed ${r.switchWarm.failed})`,
  );
  console.log(
    `            peak RSS MiB: ffmpeg ${f(r.peakMemMiB.ffmpeg)}, host ${f(r.peakMemMiB.host)}, browser ${f(r.peakMemMiB.browser)}`,
  );
}

async function main(): Promise<void> {
  const results: Record<string, Record<PathName, PathResult>> = {};
  const summary: string[] = [];
  console.log(
    `Vigie bench: ${N} cameras, ${SECONDS} s window, sizes ${SIZES.map((s) => s.join('x')).join(', ')}, ${os.cpus().length} cores`,
  );
  for (const [w, h] of SIZES) {
    // Four cameras carry the wall-clock stamp (latency); the rest replay loops, so the lab stays light.
    const lab = new RtspLab({
      cameras: Array.from({ length: N + EXTRA }, (_, i) => ({ width: w, height: h, stamp: i < STAMPED })),
      keepAlive: true,
    });
    await lab.start();
    try {
      const inventory = lab.writeInventory();
      const key = `${w}x${h}`;
      if (ONLY) {
        console.log(`\n${key}`);
        print(ONLY, await measure(lab, inventory, ONLY));
        continue;
      }
      const baseline = await measure(lab, inventory, 'baseline');
      const fast = await measure(lab, inventory, 'fast');
      results[key] = { baseline, fast };
      console.log(`\n${key}`);
      print('baseline', baseline);
      print('fast', fast);
      const r = {
        gateway: ratio(fast.cpu.gateway, baseline.cpu.gateway),
        total: ratio(fast.cpu.total, baseline.cpu.total),
        p95: ratio(fast.latency.p95, baseline.latency.p95),
        warm: ratio(fast.switchWarm.p95, baseline.switchWarm.p95),
        perFrame: ratio(fast.cpuMsPerFrame, baseline.cpuMsPerFrame),
      };
      console.log(
        `  fast/baseline: gateway CPU ${r.gateway}, total CPU ${r.total}, CPU per delivered frame ${r.perFrame}, latency p95 ${r.p95}, warm switch p95 ${r.warm}`,
      );
      summary.push(
        `${key}: gateway CPU ×${r.gateway} total CPU ×${r.total} CPU/frame ×${r.perFrame} latency p95 ×${r.p95} (${f(fast.latency.p95)} ms) warm p95 ${f(fast.switchWarm.p95)} ms cold p95 ${f(fast.switchCold.p95)} ms fps min ${f(fast.fpsPerTile.min, 1)} dropped ${f(fast.droppedPct, 2)} %`,
      );
    } finally {
      await lab.stop();
    }
  }
  fs.mkdirSync('bench-results', { recursive: true });
  const out = path.join('bench-results', `bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(
    out,
    JSON.stringify(
      { at: new Date().toISOString(), cameras: N, seconds: SECONDS, cores: os.cpus().length, results },
      null,
      2,
    ),
  );
  console.log(`\nSUMMARY fast/baseline — ${summary.join(' | ')}`);
  console.log(`written ${out}`);
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
