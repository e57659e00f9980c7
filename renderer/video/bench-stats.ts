/** Per-tile figures the benchmark reads from the page (only filled with `?bench=1`). */
import type { FrameReport, VideoPath } from './players';

export interface TileStats {
  cameraId: number;
  path: VideoPath;
  decoded: number;
  dropped: number;
  firstFrameAt: number | null;
  startedAt: number;
  latency: number[];
}

declare global {
  interface Window {
    __vigieStats?: Record<number, TileStats>;
    /** Benchmark driver: assigns a camera to a tile without UI actionability waits. */
    __vigieBench?: { assign(index: number, cameraId: number): number };
  }
}

export function installBenchDriver(assign: (index: number, cameraId: number) => void): void {
  window.__vigieBench = {
    assign: (index, cameraId) => {
      const t0 = Date.now();
      assign(index, cameraId);
      return t0;
    },
  };
}

export function benchStart(index: number, cameraId: number, path: VideoPath): void {
  window.__vigieStats ??= {};
  window.__vigieStats[index] = {
    cameraId,
    path,
    decoded: 0,
    dropped: 0,
    firstFrameAt: null,
    startedAt: Date.now(),
    latency: [],
  };
}

export function benchFrame(index: number, r: FrameReport): void {
  const s = window.__vigieStats?.[index];
  if (!s) return;
  s.decoded = r.decoded;
  s.dropped = r.dropped;
  s.firstFrameAt ??= r.at;
  if (s.latency.length < 5000) s.latency.push(...r.latency);
}
