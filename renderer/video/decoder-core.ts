/**
 * WebCodecs tile decoding, run in a worker (OffscreenCanvas) or on the page (canvas element).
 * Each tile opens its own video socket. Low latency first: no buffering beyond the frame in
 * flight; when decoding falls behind, delta frames are dropped until the next key frame.
 */
import { decodeFrame, type VideoControl } from '../../common/video-frame';
import { codecStringFromAccessUnit, findParameterSets } from './h26x';
import { readStamp } from './stamp';

export type DecodeCanvas = OffscreenCanvas | HTMLCanvasElement;
type Ctx2D = OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D;

export type WorkerRequest =
  | { op: 'open'; id: number; canvas: OffscreenCanvas; url: string; bench: boolean }
  | { op: 'close'; id: number };

export type WorkerEvent =
  | {
      id: number;
      type: 'frame';
      at: number;
      decoded: number;
      dropped: number;
      codec: string;
      latency: number[];
      width: number;
      height: number;
    }
  | { id: number; type: 'fallback'; codec: string };

interface Tile {
  id: number;
  url: string;
  bench: boolean;
  canvas: DecodeCanvas;
  ctx: Ctx2D;
  post: (e: WorkerEvent) => void;
  ws: WebSocket | null;
  decoder: VideoDecoder | null;
  configured: string | null;
  paramSets: string | null;
  waitKey: boolean;
  closed: boolean;
  decoded: number;
  dropped: number;
  lastPost: number;
  latency: number[];
  /** Set while a (re)configure is in flight: units queue behind it, in order. */
  queue: Promise<void> | null;
}

const MAX_QUEUE = 6;
const tiles = new Map<number, Tile>();

function fallback(t: Tile, codec: string): void {
  t.post({ id: t.id, type: 'fallback', codec });
  close(t);
}

function close(t: Tile): void {
  t.closed = true;
  t.ws?.close();
  if (t.decoder && t.decoder.state !== 'closed') t.decoder.close();
  tiles.delete(t.id);
}

function makeDecoder(t: Tile): VideoDecoder {
  return new VideoDecoder({
    output: (frame) => {
      if (t.canvas.width !== frame.displayWidth || t.canvas.height !== frame.displayHeight) {
        t.canvas.width = frame.displayWidth;
        t.canvas.height = frame.displayHeight;
      }
      t.ctx.drawImage(frame, 0, 0);
      frame.close();
      t.decoded++;
      const now = Date.now();
      // Benchmark read-back on one frame in five: enough samples, little added load.
      if (t.bench && t.decoded % 5 === 0) {
        const stamp = readStamp(t.ctx, t.canvas.width);
        if (stamp !== null) t.latency.push(now - stamp);
      }
      if (t.decoded === 1 || now - t.lastPost > 250) {
        t.post({
          id: t.id,
          type: 'frame',
          at: now,
          decoded: t.decoded,
          dropped: t.dropped,
          codec: t.configured ?? '',
          latency: t.latency.splice(0),
          width: t.canvas.width,
          height: t.canvas.height,
        });
        t.lastPost = now;
      }
    },
    error: () => {
      // A corrupt unit or a decoder reset: resync on the next key frame with a fresh decoder.
      t.decoder = null;
      t.configured = null;
      t.waitKey = true;
    },
  });
}

async function configure(t: Tile, codec: string): Promise<boolean> {
  const config: VideoDecoderConfig = {
    codec,
    optimizeForLatency: true,
    hardwareAcceleration: 'prefer-hardware',
  };
  let support = await VideoDecoder.isConfigSupported(config).catch(() => ({ supported: false }));
  if (!support.supported) {
    config.hardwareAcceleration = 'no-preference';
    support = await VideoDecoder.isConfigSupported(config).catch(() => ({ supported: false }));
  }
  if (!support.supported) return false;
  if (!t.decoder || t.decoder.state === 'closed') t.decoder = makeDecoder(t);
  else t.decoder.reset();
  t.decoder.configure(config);
  t.configured = codec;
  return true;
}

function enqueue(t: Tile, fn: () => void | Promise<void>): void {
  if (!t.queue) {
    void fn();
    return;
  }
  const q = t.queue.then(fn);
  t.queue = q;
  void q.then(() => {
    if (t.queue === q) t.queue = null;
  });
}

function onUnit(t: Tile, buf: ArrayBuffer): void {
  const f = decodeFrame(buf);
  if (!f || t.closed) return;
  if (f.key) {
    // SPS/PPS or resolution changes arrive with key frames: reconfigure when they differ.
    const ps = findParameterSets(f.data);
    const psKey = ps ? Array.from(ps.subarray(0, 64)).join(',') : null;
    if (psKey && (psKey !== t.paramSets || !t.decoder || t.decoder.state !== 'configured')) {
      const codec = codecStringFromAccessUnit(f.data);
      if (!codec) return;
      t.paramSets = psKey;
      t.waitKey = true;
      const q = (t.queue ?? Promise.resolve()).then(async () => {
        if (t.closed) return;
        if (!(await configure(t, codec))) fallback(t, codec);
        else decode(t, f.data, true, f.timestamp);
      });
      t.queue = q;
      void q.then(() => {
        if (t.queue === q) t.queue = null;
      });
      return;
    }
  }
  enqueue(t, () => decode(t, f.data, f.key, f.timestamp));
}

function decode(t: Tile, data: Uint8Array, key: boolean, ts: number): void {
  const d = t.decoder;
  if (t.closed || !d || d.state !== 'configured') return;
  if (t.waitKey && !key) return;
  if (!key && d.decodeQueueSize > MAX_QUEUE) {
    t.dropped++;
    t.waitKey = true;
    return;
  }
  t.waitKey = false;
  const timestamp = Math.round(ts * 1000);
  d.decode(new EncodedVideoChunk({ type: key ? 'key' : 'delta', timestamp, data }));
}

function connect(t: Tile): void {
  if (t.closed) return;
  const ws = new WebSocket(t.url);
  ws.binaryType = 'arraybuffer';
  t.ws = ws;
  ws.onmessage = (ev) => {
    if (typeof ev.data === 'string') {
      const msg = JSON.parse(ev.data) as VideoControl;
      if (msg.type === 'codec' && msg.codec !== 'h264' && msg.codec !== 'hevc') fallback(t, msg.codec);
      return;
    }
    onUnit(t, ev.data as ArrayBuffer);
  };
  ws.onclose = () => {
    t.ws = null;
    t.waitKey = true;
    if (!t.closed) setTimeout(() => connect(t), 1000);
  };
}

export function openTile(
  m: { id: number; canvas: DecodeCanvas; url: string; bench: boolean },
  post: (e: WorkerEvent) => void,
): void {
  if (typeof VideoDecoder === 'undefined') {
    post({ id: m.id, type: 'fallback', codec: 'webcodecs-unavailable' });
    return;
  }
  const ctx = m.canvas.getContext('2d', {
    alpha: false,
    desynchronized: true,
    willReadFrequently: m.bench,
  }) as Ctx2D | null;
  if (!ctx) {
    post({ id: m.id, type: 'fallback', codec: 'no-canvas' });
    return;
  }
  const t: Tile = {
    id: m.id,
    url: m.url,
    bench: m.bench,
    canvas: m.canvas,
    ctx,
    post,
    ws: null,
    decoder: null,
    configured: null,
    paramSets: null,
    waitKey: true,
    closed: false,
    decoded: 0,
    dropped: 0,
    lastPost: 0,
    latency: [],
    queue: null,
  };
  tiles.set(m.id, t);
  connect(t);
}

export function closeTile(id: number): void {
  const t = tiles.get(id);
  if (t) close(t);
}
