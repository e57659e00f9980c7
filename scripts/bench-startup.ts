/**
 * `npm run bench -- --startup`: how long an operator waits for a current picture (issue 22).
 *   login → the post's 16 tiles playing, the stamped ones showing a current picture (5 logins);
 *   a number call onto tile 0 for a camera flowing to the post (on its mosaic), and for one not
 *   flowing, at GOPs of 1, 2 and 4 s;
 * beside the source's own floor in the same run: ffmpeg reading the same camera straight from the
 * lab, from connection to its first decoded frame. "Current" is read from what tile 0 displays:
 * the wall-clock stamp in the picture is at most CURRENT_MS old, never a state flag.
 * Flags: --calls N (20; 3 with --short)  --logins N (5; 2 with --short)
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { RtspLab, type PublisherSpec } from '../test-support/video/rtsp-lab';
import { createOperator, startHost, type Host } from '../test-support/e2e/host';
import { launchBenchBrowser, LAYOUT, PATH_QUERY, pct } from './bench-measure';
import { readProcs } from './bench-proc';

const argv = process.argv.slice(2);
const flag = (n: string): string | undefined => {
  const i = argv.indexOf(`--${n}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const short = argv.includes('--short');
const CALLS = Number(flag('calls') ?? (short ? 3 : 20));
const LOGINS = Number(flag('logins') ?? (short ? 2 : 5));
/** A picture is current when its stamp is at most this old as it is displayed (the test bound). */
const CURRENT_MS = 300;
const GOPS = [1, 2, 4] as const;
const W = 640;
const H = 360;

/*
 * The lab: 16 mosaic cameras (ids 101..116) at GOP 2. Tile 0's camera is not stamped, so the
 * picture a call replaces never reads as current. Tiles 4 and 8 are stamped at GOP 2; tiles 13,
 * 14 and 15 are the flowing cameras called onto tile 0, stamped, at GOPs 1, 2 and 4. Then one
 * cold camera per GOP (ids 117..119), stamped, on no tile.
 */
const FLOWING_TILE: Record<number, number> = { 1: 13, 2: 14, 4: 15 };
const COLD_INDEX: Record<number, number> = { 1: 16, 2: 17, 4: 18 };
const STAMPED_TILES = [4, 8, 13, 14, 15];

function labCameras(): PublisherSpec[] {
  const cams: PublisherSpec[] = Array.from({ length: 16 }, (_, i) => ({
    width: W,
    height: H,
    gop: 2,
    stamp: STAMPED_TILES.includes(i),
  }));
  for (const g of GOPS) cams[FLOWING_TILE[g]!]!.gop = g;
  for (const g of GOPS) cams[COLD_INDEX[g]!] = { width: W, height: H, gop: g, stamp: true };
  return cams;
}

/** Resolves with the epoch ms at which every listed tile displayed a current picture (null: none in time). */
function untilCurrent(page: Page, tiles: number[], timeoutMs = 15_000): Promise<number | null> {
  return page.evaluate(
    ([list, bound, timeout]) =>
      new Promise<number | null>((resolve) => {
        const canvas = document.createElement('canvas');
        const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
        const done = new Map<number, number>();
        const until = Date.now() + timeout;
        const stampOf = (el: HTMLVideoElement | HTMLCanvasElement): number | null => {
          const w = el instanceof HTMLVideoElement ? el.videoWidth : el.width;
          if (!w) return null;
          const block = Math.max(1, Math.floor(w / 40));
          if (canvas.width !== w) canvas.width = w;
          canvas.height = 1;
          ctx.drawImage(el, 0, Math.floor(block / 2), w, 1, 0, 0, w, 1);
          const px = ctx.getImageData(0, 0, w, 1).data;
          let v = 0;
          for (let b = 0; b < 40; b++) {
            const o = Math.floor(b * (w / 40) + w / 80) * 4;
            v = v * 2 + ((px[o] ?? 0) + (px[o + 1] ?? 0) + (px[o + 2] ?? 0) > 384 ? 1 : 0);
          }
          const now = Date.now();
          const mod = 2 ** 40;
          const age = ((((now % mod) - v) % mod) + mod) % mod;
          return age < 30_000 ? age : null;
        };
        const tick = (): void => {
          const now = Date.now();
          for (const i of list) {
            if (done.has(i)) continue;
            const els = document.querySelectorAll<HTMLVideoElement | HTMLCanvasElement>(
              `[data-testid="tile-${i}"] .video`,
            );
            const el = els[els.length - 1];
            const age = el ? stampOf(el) : null;
            if (age !== null && age <= bound) done.set(i, now);
          }
          if (done.size === list.length) resolve(Math.max(...done.values()));
          else if (now > until) resolve(null);
          else setTimeout(tick, 4);
        };
        tick();
      }),
    [tiles, CURRENT_MS, timeoutMs] as const,
  );
}

/** Waits until every tile 0..n-1 has shown a frame of its camera. */
async function untilFrames(page: Page, n: number, timeoutMs = 60_000): Promise<void> {
  await page.waitForFunction(
    (k) => Array.from({ length: k }, (_, i) => window.__vigieStats?.[i]?.firstFrameAt).every((x) => x),
    n,
    { timeout: timeoutMs, polling: 10 },
  );
}

async function untilCamera(page: Page, index: number, cameraId: number): Promise<void> {
  await page.waitForFunction(
    ([i, id]) => {
      const s = window.__vigieStats?.[i];
      return s && s.cameraId === id && s.firstFrameAt !== null;
    },
    [index, cameraId] as const,
    { timeout: 30_000, polling: 10 },
  );
}

/** True while an ffmpeg of the gateway reads this URL (the camera is flowing). */
function flowing(url: string, excluded: Set<number>): boolean {
  for (const pid of readProcs().keys()) {
    if (excluded.has(pid)) continue;
    try {
      const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      if (cmd.includes(url) && /ffmpeg/.test(cmd[0] ?? '')) return true;
    } catch {
      /* gone */
    }
  }
  return false;
}

async function until(cond: () => boolean, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > end) throw new Error('startup bench: condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** ffmpeg from its start to its first decoded frame of this camera, read straight from the lab. */
function ffmpegFirstFrame(url: string): Promise<number | null> {
  return new Promise((resolve) => {
    const t0 = Date.now();
    const p = spawn(
      'ffmpeg',
      ['-loglevel', 'error', '-rtsp_transport', 'tcp', '-i', url, '-frames:v', '1', '-f', 'null', '-'],
      { stdio: ['ignore', 'ignore', 'ignore'] },
    );
    const timer = setTimeout(() => p.kill('SIGKILL'), 15_000);
    p.on('exit', (code) => {
      clearTimeout(timer);
      resolve(code === 0 ? Date.now() - t0 : null);
    });
  });
}

interface Figures {
  p50: number | null;
  p95: number | null;
  n: number;
  failed: number;
}
const figures = (xs: (number | null)[]): Figures => {
  const ok = xs.filter((x): x is number => x !== null);
  return { p50: pct(ok, 50), p95: pct(ok, 95), n: ok.length, failed: xs.length - ok.length };
};
const show = (x: Figures): string =>
  `p50 ${x.p50 ?? 'n/a'} p95 ${x.p95 ?? 'n/a'} ms (n=${x.n}, failed ${x.failed})`;
/** The calls' first frame shown, whatever its age (the tile's own report): where the wait goes. */
const firstFrames: (number | null)[] = [];
const firstFrameSince = (from: number): string => show(figures(firstFrames.slice(from)));
const ratio = (a: number | null, b: number | null): string =>
  a === null || b === null || b === 0 ? 'n/a' : `×${(a / b).toFixed(2)}`;

interface Opened {
  page: Page;
  close: () => Promise<void>;
  t0: number;
  /** ms from t0 to the operator's bar, then to the saved mosaic applied. */
  bar: number;
  ready: number;
}

async function openPage(host: Host): Promise<Opened> {
  const browser = await launchBenchBrowser();
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  // tsx keeps function names with a helper the page does not have.
  await page.addInitScript('window.__name = (f) => f');
  await page.goto(`${host.url}?bench=1&${PATH_QUERY['worker-generator']}`);
  const t0 = Date.now();
  // The login as an operator does it, with room for a loaded machine (the e2e helper waits 5 s).
  await page.getByTestId('login-user').fill('bench');
  await page.getByTestId('login-password').fill('bench-password');
  await page.getByTestId('login-submit').click();
  await page.getByTestId('operator-bar').waitFor({ timeout: 60_000 });
  const bar = Date.now() - t0;
  await page.waitForSelector('[data-testid="mosaic"][data-sync="ready"]', { timeout: 60_000 });
  return { page, t0, bar, ready: Date.now() - t0, close: () => browser.close() };
}

/**
 * Number calls onto tile 0, each back to tile 0's own camera before the next. With a control
 * tile (one already showing the camera), also how long that tile takes, just before each call,
 * to show a current picture: on a loaded post even a playing tile may lag past the bound a while.
 */
async function calls(
  page: Page,
  cameraId: number,
  before: () => Promise<void> = async () => undefined,
  control?: { tile: number; out: (number | null)[] },
): Promise<(number | null)[]> {
  const out: (number | null)[] = [];
  for (let k = 0; k < CALLS; k++) {
    await before();
    if (control) {
      const c0 = Date.now();
      const at = await untilCurrent(page, [control.tile]);
      control.out.push(at === null ? null : at - c0);
    }
    const t0 = await page.evaluate((id) => window.__vigieBench!.assign(0, id), cameraId);
    const at = await untilCurrent(page, [0]);
    out.push(at === null ? null : at - t0);
    const first = await page.evaluate((id) => {
      const st = window.__vigieStats?.[0];
      return st && st.cameraId === id ? st.firstFrameAt : null;
    }, cameraId);
    firstFrames.push(first === null ? null : first - t0);
    await page.evaluate(() => window.__vigieBench!.assign(0, 101));
    await untilCamera(page, 0, 101);
  }
  return out;
}

export async function benchStartup(): Promise<string> {
  const lab = new RtspLab({ cameras: labCameras(), keepAlive: true });
  await lab.start();
  const lines: string[] = [];
  const log = (l: string): void => {
    console.log(l);
    lines.push(l);
  };
  console.log(`Vigie startup bench: ${LOGINS} logins, ${CALLS} calls per case, ${os.cpus().length} cores`);
  const inventory = lab.writeInventory();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-bench-startup-'));
  createOperator(dataDir, { login: 'bench', password: 'bench-password', role: 'viewer' });
  const excluded = new Set(lab.pids());
  const result: Record<string, unknown> = {};
  try {
    // The post's mosaic: 16 tiles, tile i on camera 101 + i, saved by the post.
    let host = await startHost({ cameras: inventory, dataDir });
    try {
      const first = await openPage(host);
      await first.page.evaluate((l) => window.__vigieBench!.layout(l), LAYOUT[16]!);
      for (let i = 0; i < 16; i++)
        await first.page.evaluate((i) => window.__vigieBench!.assign(i, 101 + i), i);
      await untilFrames(first.page, 16);
      await first.close();
      const logins: (number | null)[] = [];
      /** Where a login's wait goes, ms from the click: bar, mosaic, tiles opened, first frames. */
      const phases: Record<'bar' | 'ready' | 'opened' | 'framed', number[]> = {
        bar: [],
        ready: [],
        opened: [],
        framed: [],
      };
      let page: Page | null = null;
      let closePage: (() => Promise<void>) | null = null;
      for (let k = 0; k < LOGINS; k++) {
        // An operator logs in after a while: a stream kept only by viewers has stopped by then.
        await new Promise((r) => setTimeout(r, 7000));
        await closePage?.();
        const o = await openPage(host);
        page = o.page;
        closePage = o.close;
        await untilFrames(page, 16);
        const at = await untilCurrent(page, STAMPED_TILES);
        logins.push(at === null ? null : at - o.t0);
        const tiles = await page.evaluate(() => Object.values(window.__vigieStats ?? {}));
        phases.bar.push(o.bar);
        phases.ready.push(o.ready);
        phases.opened.push(Math.max(...tiles.map((t) => t.startedAt)) - o.t0);
        phases.framed.push(Math.max(...tiles.map((t) => t.firstFrameAt ?? 0)) - o.t0);
      }
      const l = figures(logins);
      result.login16 = l;
      result.loginPhases = phases;
      const p50 = (k: keyof typeof phases): string => `${pct(phases[k], 50) ?? 'n/a'}`;
      log(
        `login → 16 tiles current (GOP 2): ${show(l)}; p50 from the click: operator bar ${p50('bar')}, saved mosaic ${p50('ready')}, last tile opened ${p50('opened')}, last first frame ${p50('framed')} ms`,
      );
      for (const g of GOPS) {
        const control: (number | null)[] = [];
        const tile = FLOWING_TILE[g]!;
        const from = firstFrames.length;
        const f = figures(await calls(page!, 101 + tile, undefined, { tile, out: control }));
        const c = figures(control);
        result[`flowing-gop${g}`] = f;
        result[`flowing-control-gop${g}`] = c;
        log(
          `number call, camera flowing, GOP ${g} s: ${show(f)} (first frame ${firstFrameSince(from)}); the tile already showing it, to a current picture: ${show(c)}`,
        );
      }
      await closePage?.();
    } finally {
      await host.stop();
    }
    // Cameras not flowing: the same post, with no stream kept past its last viewer.
    host = await startHost({
      cameras: inventory,
      dataDir,
      args: ['--keep-streams', '0'],
      env: { VIGIE_STREAM_IDLE_MS: '300' },
    });
    try {
      const o = await openPage(host);
      await untilFrames(o.page, 16);
      for (const g of GOPS) {
        const url = lab.url(COLD_INDEX[g]!);
        const from = firstFrames.length;
        const cold = figures(
          await calls(o.page, 101 + COLD_INDEX[g]!, async () => {
            await until(() => !flowing(url, excluded), 30_000);
            await new Promise((r) => setTimeout(r, Math.random() * g * 1000)); // anywhere in the GOP
          }),
        );
        const floor: (number | null)[] = [];
        for (let k = 0; k < CALLS; k++) {
          // Back to back, each run would start at the same point of the GOP: start anywhere in it.
          await new Promise((r) => setTimeout(r, Math.random() * g * 1000));
          floor.push(await ffmpegFirstFrame(url));
        }
        const fl = figures(floor);
        result[`cold-gop${g}`] = cold;
        result[`floor-gop${g}`] = fl;
        log(
          `number call, camera not flowing, GOP ${g} s: ${show(cold)} (first frame ${firstFrameSince(from)}); ffmpeg's own first frame ${show(fl)}; ratio p50 ${ratio(cold.p50, fl.p50)} p95 ${ratio(cold.p95, fl.p95)}`,
        );
      }
      await o.close();
    } finally {
      await host.stop();
    }
  } finally {
    await lab.stop();
  }
  fs.mkdirSync('bench-results', { recursive: true });
  const out = path.join('bench-results', `startup-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(
    out,
    JSON.stringify({ at: new Date().toISOString(), loadavg: os.loadavg(), result }, null, 2),
  );
  return `startup — ${lines.join(' | ')}`;
}
