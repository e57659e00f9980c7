/**
 * Tile players. Fast path: WebCodecs in a worker pool (canvas transferred off-thread).
 * Fallback: the MPEG-1 transcode decoded by jsmpeg (WASM) for cameras WebCodecs cannot take.
 */
import JSMpeg from '@cycjimmy/jsmpeg-player';
import { closeTile, openTile, type WorkerEvent, type WorkerRequest } from './decoder-core';
import { readStamp } from './stamp';

export type VideoPath = 'webcodecs' | 'jsmpeg';

export interface FrameReport {
  at: number;
  decoded: number;
  dropped: number;
  codec: string;
  latency: number[];
  width: number;
  height: number;
}

export interface PlayerEvents {
  onFrame(r: FrameReport): void;
  onFallback(codec: string): void;
}

export interface Player {
  stop(): void;
}

export function webCodecsAvailable(): boolean {
  return (
    typeof VideoDecoder !== 'undefined' &&
    typeof OffscreenCanvas !== 'undefined' &&
    'transferControlToOffscreen' in HTMLCanvasElement.prototype
  );
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

/** `?decode=page` decodes and draws on the page thread instead of the worker pool. */
const onPage = (): boolean => new URLSearchParams(location.search).get('decode') === 'page';

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
  canvas: HTMLCanvasElement,
  url: string,
  events: PlayerEvents,
  bench: boolean,
): Player {
  const id = nextId++;
  handlers.set(id, events);
  if (onPage()) {
    openTile({ id, canvas, url, bench }, dispatch);
    return {
      stop: () => {
        handlers.delete(id);
        closeTile(id);
      },
    };
  }
  const worker = pickWorker(id);
  const offscreen = canvas.transferControlToOffscreen();
  const msg: WorkerRequest = { op: 'open', id, canvas: offscreen, url, bench };
  worker.postMessage(msg, [offscreen]);
  return {
    stop: () => {
      handlers.delete(id);
      worker.postMessage({ op: 'close', id } satisfies WorkerRequest);
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
  let latency: number[] = [];
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
      if (ctx && decoded % 5 === 0) {
        const s = readStamp(ctx, canvas.width);
        if (s !== null) latency.push(now - s);
      }
      if (decoded === 1 || now - last > 250) {
        last = now;
        events.onFrame({
          at: now,
          decoded,
          dropped: 0,
          codec: 'mpeg1',
          latency,
          width: canvas.width,
          height: canvas.height,
        });
        latency = [];
      }
    },
  });
  return { stop: () => player.destroy() };
}
