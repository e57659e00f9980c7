/**
 * What the soak reads from outside the product: the host's memory and descriptors and its ffmpeg
 * (/proc), Chromium's processes by type (proportional memory, so shared pages count once), the
 * pages' JS heaps (CDP), and each tile's displayed state and last presented frame (the page).
 */
import fs from 'node:fs';
import type { CDPSession, Page } from '@playwright/test';
import { descendants, readProcs, type ProcSample } from './bench-proc';

const MB = 1024 * 1024;

const cmdline = (pid: number): string => {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    return '';
  }
};

/** Proportional set size, MB (a process that is gone counts 0). */
function pssMB(pid: number): number {
  try {
    const m = /^Pss:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

function fdCount(pid: number): number | null {
  try {
    return fs.readdirSync(`/proc/${pid}/fd`).length;
  } catch {
    return null;
  }
}

export interface HostProbe {
  rssMB: number | null;
  fds: number | null;
  /** The host's own ffmpeg children. */
  ffmpeg: number;
}

export function probeHost(hostPid: number | undefined, procs = readProcs()): HostProbe {
  if (!hostPid || !procs.has(hostPid)) return { rssMB: null, fds: null, ffmpeg: 0 };
  const tree = descendants(procs, hostPid);
  let ffmpeg = 0;
  for (const pid of tree) if (pid !== hostPid && procs.get(pid)?.comm === 'ffmpeg') ffmpeg++;
  return { rssMB: procs.get(hostPid)!.rssBytes / MB, fds: fdCount(hostPid), ffmpeg };
}

/**
 * ffmpeg reading the lab that neither the lab nor the live host runs: a previous host's, orphaned
 * (after its kill -9), or one a stopped host left behind.
 */
export function strayFfmpeg(
  labPort: number,
  labPids: number[],
  hostPid: number | undefined,
  procs = readProcs(),
): ProcSample[] {
  const lab = new Set(labPids);
  const host = hostPid ? descendants(procs, hostPid) : new Set<number>();
  return [...procs.values()].filter(
    (p) =>
      p.comm === 'ffmpeg' &&
      !lab.has(p.pid) &&
      !host.has(p.pid) &&
      cmdline(p.pid).includes(`127.0.0.1:${labPort}/`),
  );
}

export interface BrowserProbe {
  /** Every Chromium process of this run, PSS, MB. */
  totalMB: number;
  rendererMB: number;
  gpuMB: number;
  processes: number;
}

/** Chromium's processes under this soak (Playwright launches it as our child). */
export function chromiumPids(procs = readProcs()): number[] {
  return [...descendants(procs, process.pid)].filter(
    (pid) => pid !== process.pid && /chrom/i.test(procs.get(pid)?.comm ?? ''),
  );
}

export function probeBrowser(procs = readProcs()): BrowserProbe {
  const out: BrowserProbe = { totalMB: 0, rendererMB: 0, gpuMB: 0, processes: 0 };
  for (const pid of chromiumPids(procs)) {
    const mb = pssMB(pid);
    const type = /--type=([a-z-]+)/.exec(cmdline(pid))?.[1] ?? 'browser';
    out.totalMB += mb;
    out.processes++;
    if (type === 'renderer') out.rendererMB += mb;
    if (type === 'gpu-process') out.gpuMB += mb;
  }
  return out;
}

export interface HeapProbe {
  jsHeapMB: number | null;
  nodes: number | null;
  listeners: number | null;
}

export async function probeHeap(cdp: CDPSession): Promise<HeapProbe> {
  try {
    const { metrics } = await cdp.send('Performance.getMetrics');
    const m = (name: string): number | null => metrics.find((x) => x.name === name)?.value ?? null;
    const heap = m('JSHeapUsedSize');
    return {
      jsHeapMB: heap === null ? null : heap / MB,
      nodes: m('Nodes'),
      listeners: m('JSEventListeners'),
    };
  } catch {
    return { jsHeapMB: null, nodes: null, listeners: null };
  }
}

export async function openCdp(page: Page): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  return cdp;
}

export interface TileRead {
  index: number;
  camera: number | null;
  state: string;
  resolution: string;
  /** Frames the tile's <video> presented, and the epoch ms of the latest (the bench's counters). */
  presented: number | null;
  presentedAt: number | null;
  /** The tile's decoder: frames decoded, handed to the screen, dropped (the bench's counters). */
  decoded: number | null;
  shown: number | null;
  dropped: number | null;
  /** The tile decodes key frames only (a starved post). */
  keyOnly: boolean;
}

/** Every tile of a page as displayed (`tile-N` on the console, `wall-tile-N` on the wall). */
export async function readTiles(page: Page): Promise<TileRead[] | null> {
  try {
    return await page.evaluate(() =>
      Array.from(document.querySelectorAll('[data-testid][data-state]')).flatMap((el) => {
        const m = /^(?:wall-)?tile-(\d+)$/.exec(el.getAttribute('data-testid') ?? '');
        if (!m) return [];
        const index = Number(m[1]);
        const camera = Number(el.getAttribute('data-camera-id')) || null;
        const s = window.__vigieStats?.[index];
        const own = s && s.cameraId === camera;
        return [
          {
            index,
            camera,
            state: el.getAttribute('data-state') ?? '',
            resolution: el.getAttribute('data-resolution') ?? '',
            presented: own ? s.presented : null,
            presentedAt: own ? s.presentedAt : null,
            decoded: own ? s.decoded : null,
            shown: own ? s.shown : null,
            dropped: own ? s.dropped : null,
            keyOnly: el.getAttribute('data-key-only') === 'true',
          },
        ];
      }),
    );
  } catch {
    return null; // the page is navigating or closed
  }
}
