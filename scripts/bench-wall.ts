/**
 * The bench's wall case: N console tiles, then the same N cameras also on the same host's wall
 * page. The gateway must keep one upstream per camera (its own counters and its ffmpeg processes
 * say so), and its CPU with the wall is printed against the console alone.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { RawIpc } from '../test-support/e2e/raw-ipc';
import { createOperator, login, startHost, type Host } from '../test-support/e2e/host';
import type { RtspLab } from '../test-support/video/rtsp-lab';
import { LAYOUT, launchBenchBrowser } from './bench-measure';
import { classify, cpuSeconds, readProcs } from './bench-proc';

export interface WallCaseResult {
  tiles: number;
  /** Upstreams by the gateway's statuses (live stream sessions) and by its ffmpeg processes. */
  upstreams: {
    consoleAlone: { gateway: number; ffmpeg: number };
    withWall: { gateway: number; ffmpeg: number };
  };
  /** Gateway (host + its ffmpeg) CPU seconds per second. */
  gatewayCpu: { consoleAlone: number; withWall: number };
}

const LIVE = new Set(['connecting', 'playing', 'stalled', 'reconnecting']);

async function allPlaying(page: Page, prefix: string, n: number): Promise<void> {
  await page.waitForFunction(
    ([p, k]) =>
      Array.from({ length: k }, (_, i) =>
        document.querySelector(`[data-testid="${p}${i}"]`)?.getAttribute('data-state'),
      ).every((s) => s === 'playing'),
    [prefix, n] as const,
    { timeout: 120_000, polling: 500 },
  );
}

async function sample(host: Host, lab: RtspLab, ipc: RawIpc, seconds: number) {
  const excluded = new Set(lab.pids());
  const before = readProcs();
  const t0 = Date.now();
  await new Promise((r) => setTimeout(r, seconds * 1000));
  const after = readProcs();
  const elapsed = (Date.now() - t0) / 1000;
  let cpu = 0;
  let ffmpeg = 0;
  for (const [pid, g] of classify(after, host.proc.pid!, excluded)) {
    if (g === 'browser') continue;
    if (g === 'ffmpeg') ffmpeg++;
    cpu += cpuSeconds((after.get(pid)?.cpuTicks ?? 0) - (before.get(pid)?.cpuTicks ?? 0)) / elapsed;
  }
  const st = await ipc.call('streams:statuses');
  const gateway = ((st.value ?? []) as { state: string }[]).filter((s) => LIVE.has(s.state)).length;
  return { cpu, upstreams: { gateway, ffmpeg } };
}

export async function measureWall(
  lab: RtspLab,
  inventory: string,
  tiles: number,
  seconds: number,
): Promise<WallCaseResult> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-bench-wall-'));
  createOperator(dataDir, { login: 'bench', password: 'bench-password', role: 'supervisor' });
  const host = await startHost({ cameras: inventory, dataDir });
  const browser = await launchBenchBrowser();
  const ipc = await RawIpc.open(host.url);
  try {
    await ipc.call('auth:login', { login: 'bench', password: 'bench-password' });
    const console1 = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
    await console1.goto(`${host.url}?video=webcodecs`);
    await login(console1, 'bench', 'bench-password');
    await console1.getByTestId(`layout-${LAYOUT[tiles] ?? '4x4'}`).click();
    await allPlaying(console1, 'tile-', tiles);
    const alone = await sample(host, lab, ipc, seconds);

    // The same cameras on the wall page of the same host.
    const layout = await ipc.call('layout:get');
    const mosaic = layout.value as { layout: string; tiles: (number | null)[] };
    await ipc.call('wall:apply', {
      kind: 'push',
      layout: mosaic.layout,
      tiles: mosaic.tiles.map((cameraId) => ({ cameraId, tour: null })),
    });
    await new Promise((r) => setTimeout(r, 200));
    const kiosk = /(http:\/\/127\.0\.0\.1:\d+\/wall#key=[\w-]+)/.exec(host.output())?.[1];
    if (!kiosk) throw new Error('no kiosk address printed by the host');
    const wall = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
    await wall.goto(kiosk);
    await allPlaying(wall, 'wall-tile-', tiles);
    const both = await sample(host, lab, ipc, seconds);
    return {
      tiles,
      upstreams: { consoleAlone: alone.upstreams, withWall: both.upstreams },
      gatewayCpu: { consoleAlone: alone.cpu, withWall: both.cpu },
    };
  } finally {
    ipc.close();
    await browser.close();
    await host.stop();
  }
}
