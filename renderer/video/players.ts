/**
 * Tile players. WebCodecs decoding shown through the cheapest render path that works here:
 * decoded in a worker pool into a page track generator's <video>, else decoded on the page into
 * that generator, else a canvas in a worker pool, else a canvas on the page. The MPEG-1 transcode decoded by jsmpeg (WASM) serves cameras WebCodecs cannot take.
 */
import JSMpeg from '@cycjimmy/jsmpeg-player';
import {
  closeTile,
  openTile,
  setTileRate,
  type TileReport,
  type WorkerEvent,
  type WorkerRequest,
} from './decoder-core';
import {
  attachGenerator,
  canvasSink,
  generatorAvailable,
  generatorSink,
  writableTransferable,
  type RenderPath,
} from './frame-sinks';
import type { RenderPreference } from './options';
import { readStamp } from './stamp';

/** Which decoder a tile uses (and which stream format it asks the gateway for). */
export type VideoPath = 'webcodecs' | 'jsmpeg';
/** What the tile's tooltip and `data-render` name: the render path, or jsmpeg. */
export type TileRender = RenderPath | 'jsmpeg';
export type { TileReport } from './decoder-core';

export interface PlayerEvents {
  onFrame(r: TileReport): void;
  onFallback(codec: string): void;
}

export interface Player {
  /** Show one decoded frame in `every`. */
  setRate(every: number): void;
  stop(): void;
}

const workerCanvas = (): boolean =>
  typeof OffscreenCanvas !== 'undefined' && 'transferControlToOffscreen' in HTMLCanvasElement.prototype;

export function webCodecsAvailable(): boolean {
  return typeof VideoDecoder !== 'undefined';
}

const available: Record<RenderPath, () => boolean> = {
  'worker-generator': () => generatorAvailable() && writableTransferable(),
  generator: generatorAvailable,
  worker: workerCanvas,
  page: () => true,
};

/** The WebCodecs render paths, cheapest first on the bench (README, "Benchmark"). */
export const CHEAPEST: readonly RenderPath[] = ['worker-generator', 'generator', 'worker', 'page'];

const works = new Map<RenderPath, boolean>();

/** The cheapest WebCodecs render path available, unless the page's options force one. */
export function chooseRender(pref: RenderPreference): RenderPath {
  const order = pref === 'auto' ? CHEAPEST : [pref, ...CHEAPEST.filter((r) => r !== pref)];
  for (const r of order) {
    if (!works.has(r)) works.set(r, available[r]());
    if (works.get(r)) return r;
  }
  return 'page';
}

const workers: Worker[] = [];
const handlers = new Map<number, PlayerEvents>();
let nextId = 1;

function dispatch(e: WorkerEvent): void {
  const h = handlers.get(e.id);
  if (!h) return;
  if (e.type === 'frame') h.onFrame(e);
  else h.onFallback(e.codec);
}

function pickWorker(id: number): Worker {
  const size = Math.max(1, Math.min(4, navigator.hardwareConcurrency || 2));
  if (workers.length < size) {
    const w = new Worker(new URL('decoder-worker.js', document.baseURI));
    w.onmessage = (ev: MessageEvent<WorkerEvent>) => dispatch(ev.data);
    workers.push(w);
  }
  return workers[id % workers.length]!;
}

export function startWebCodecs(
  el: HTMLVideoElement | HTMLCanvasElement,
  render: RenderPath,
  url: string,
  events: PlayerEvents,
  o: { bench: boolean; every: number },
): Player {
  const id = nextId++;
  handlers.set(id, events);
  const toWorker = (target: Extract<WorkerRequest, { op: 'open' }>['target'], after?: () => void): Player => {
    const worker = pickWorker(id);
    const msg: WorkerRequest = { op: 'open', id, target, url, ...o };
    worker.postMessage(msg, ['canvas' in target ? target.canvas : target.writable]);
    return {
      setRate: (every) => worker.postMessage({ op: 'rate', id, every } satisfies WorkerRequest),
      stop: () => {
        handlers.delete(id);
        worker.postMessage({ op: 'close', id } satisfies WorkerRequest);
        after?.();
      },
    };
  };
  if (render === 'worker' && el instanceof HTMLCanvasElement)
    return toWorker({ canvas: el.transferControlToOffscreen() });
  if (render === 'worker-generator' && el instanceof HTMLVideoElement) {
    // The page only owns the generator and its <video>; the worker decodes and writes frames.
    const g = attachGenerator(el);
    if (g) return toWorker({ writable: g.writable }, g.stop);
  }
  const sink = el instanceof HTMLVideoElement ? generatorSink(el) : canvasSink(el, o.bench);
  openTile({ id, sink, url, ...o }, dispatch);
  return {
    setRate: (every) => setTileRate(id, every),
    stop: () => {
      handlers.delete(id);
      closeTile(id);
    },
  };
}

interface JsmpegPlayer {
  destroy(): void;
}
type JsmpegCtor = new (url: string, options: Record<string, unknown>) => JsmpegPlayer;

export function startJsmpeg(
  canvas: HTMLCanvasElement,
  url: string,
  events: PlayerEvents,
  bench: boolean,
): Player {
  let decoded = 0;
  let last = 0;
  const latency: number[] = [];
  const ctx = bench ? canvas.getContext('2d', { willReadFrequently: true }) : null;
  const Ctor = (JSMpeg as unknown as { Player: JsmpegCtor }).Player;
  const player = new Ctor(url, {
    canvas,
    audio: false,
    disableGl: true,
    disableWebAssembly: false,
    videoBufferSize: 1024 * 1024,
    reconnectInterval: 1,
    autoplay: true,
    progressive: true,
    chunkSize: 64 * 1024,
    onVideoDecode: () => {
      decoded++;
      const now = Date.now();
      // Read from what is displayed: the canvas at the next animation frame.
      if (ctx && decoded % 5 === 0)
        requestAnimationFrame(() => {
          const s = readStamp(ctx, canvas.width);
          if (s !== null) latency.push(Date.now() - s);
        });
      if (decoded === 1 || now - last > 250) {
        last = now;
        events.onFrame({
          at: now,
          decoded,
          shown: decoded,
          dropped: 0,
          lag: 0,
          dropping: false,
          keyOnly: false,
          codec: 'mpeg1',
          latency: latency.splice(0),
          width: canvas.width,
          height: canvas.height,
        });
      }
    },
  });
  return { setRate: () => {}, stop: () => player.destroy() };
}
