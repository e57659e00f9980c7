/** Per-tile figures the benchmark reads from the page (only filled with `?bench=1`). */
import type { TileRender, TileReport } from './players';
import { showsInVideo } from './frame-sinks';
import { decodeStampRow, stampToEpoch, STAMP_BITS } from './stamp';

export interface TileStats {
  cameraId: number;
  render: TileRender;
  decoded: number;
  /** Frames handed to the screen by the tile's player. */
  shown: number;
  /** Frames the <video> actually presented (generator paths, from requestVideoFrameCallback). */
  presented: number | null;
  /** Epoch ms of the latest frame the <video> presented (generator paths). */
  presentedAt: number | null;
  dropped: number;
  firstFrameAt: number | null;
  startedAt: number;
  /** Glass-to-glass ms, read from the stamp on what was displayed. */
  latency: number[];
}

declare global {
  interface Window {
    __vigieStats?: Record<number, TileStats>;
    /** Benchmark driver: assigns a camera to a tile without UI actionability waits. */
    __vigieBench?: { assign(index: number, cameraId: number): number; layout(name: string): void };
  }
}

export function installBenchDriver(
  assign: (index: number, cameraId: number) => void,
  layout: (name: string) => void,
): void {
  window.__vigieBench = {
    layout,
    assign: (index, cameraId) => {
      const t0 = Date.now();
      assign(index, cameraId);
      return t0;
    },
  };
}

export function benchStart(index: number, cameraId: number, render: TileRender): void {
  window.__vigieStats ??= {};
  window.__vigieStats[index] = {
    cameraId,
    render,
    decoded: 0,
    shown: 0,
    presented: showsInVideo(render) ? 0 : null,
    presentedAt: null,
    dropped: 0,
    firstFrameAt: null,
    startedAt: Date.now(),
    latency: [],
  };
}

export function benchFrame(index: number, r: TileReport): void {
  const s = window.__vigieStats?.[index];
  if (!s) return;
  s.decoded = r.decoded;
  s.shown = r.shown;
  s.dropped = r.dropped;
  if (r.at !== null) s.firstFrameAt ??= r.at;
  if (s.latency.length < 5000) s.latency.push(...r.latency);
}

/**
 * Generator paths: counts the frames the <video> presented and, about one in five, reads the
 * stamp from the presented picture (drawn into a one-row canvas). The count is the compositor's
 * (`presentedFrames`), not the callbacks: those run on the page thread, which may be too busy to
 * see every frame the compositor shows. Latency is counted to the frame's presentation time.
 * Returns a stop function.
 */
export function benchVideo(index: number, video: HTMLVideoElement): () => void {
  const probe = new OffscreenCanvas(1, 1);
  const ctx = probe.getContext('2d', { willReadFrequently: true });
  let handle = 0;
  let stopped = false;
  let base: number | null = null;
  let sampled = 0;
  const onFrame = (_: number, meta: VideoFrameCallbackMetadata): void => {
    if (stopped) return;
    const s = window.__vigieStats?.[index];
    if (s && s.presented !== null) {
      base ??= meta.presentedFrames - 1;
      s.presented = meta.presentedFrames - base;
      s.presentedAt = Math.round(performance.timeOrigin + meta.presentationTime);
      const w = video.videoWidth;
      if (ctx && w && s.presented - sampled >= 5) {
        sampled = s.presented;
        const shownAt = Math.min(Date.now(), Math.round(performance.timeOrigin + meta.presentationTime));
        const block = Math.max(1, Math.floor(w / STAMP_BITS));
        const y = Math.floor(block / 2);
        if (probe.width !== w) probe.width = w;
        ctx.drawImage(video, 0, y, w, 1, 0, 0, w, 1);
        const at = stampToEpoch(decodeStampRow(ctx.getImageData(0, 0, w, 1).data, w, 0, w), shownAt);
        if (at !== null && s.latency.length < 5000) s.latency.push(shownAt - at);
      }
    }
    handle = video.requestVideoFrameCallback(onFrame);
  };
  handle = video.requestVideoFrameCallback(onFrame);
  return () => {
    stopped = true;
    video.cancelVideoFrameCallback(handle);
  };
}
