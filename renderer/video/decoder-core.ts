/**
 * WebCodecs tile decoding, run in a worker (canvas, or a page generator's writable) or on the page.
 * Each tile opens its own video socket. Latency bounded: drop, never queue. A delta unit that
 * arrives, or a frame that decodes, further behind the gateway's send time than LAG_BOUND_MS is
 * dropped and the tile resyncs on the next key frame: fewer frames, never old ones.
 * Catch-up: a new viewer of a flowing stream first gets the units since its last key frame. Those
 * are decoded as fast as the decoder goes, never dropped as late and never shown, and so are the
 * live units behind them until a frame is current again (CATCHUP_BOUND_MS at most): the tile's
 * first picture is the newest, at once, instead of a wait for the next key frame.
 * Starved: a tile whose key frames come out too late twice running decodes key frames only for a
 * while (decoder-tile.ts): a picture a GOP, never an old one, rather than a dark tile.
 */
import { decodeFrame, type VideoControl } from '../../common/video-frame';
import type { FrameSink } from './frame-sinks';
import type { WorkerEvent } from './tile-messages';
import {
  CATCHUP_BOUND_MS,
  catchingUp,
  chain,
  drop,
  enqueue,
  keyOnly,
  keyOutcome,
  report,
  type Tile,
} from './decoder-tile';
import { codecStringFromAccessUnit, findParameterSets } from './h26x';

/** Past this, delta units and frames are dropped until the next key frame. */
export const LAG_BOUND_MS = 300;
/** No key frame older than this is shown, once the tile has shown its first frame. */
export const KEY_LAG_BOUND_MS = 1000;
const MAX_QUEUE = 4;

export type { TileReport, WorkerEvent, WorkerRequest } from './tile-messages';

const tiles = new Map<number, Tile>();

function fallback(t: Tile, codec: string): void {
  t.post({ id: t.id, type: 'fallback', codec });
  close(t);
}

function close(t: Tile): void {
  t.closed = true;
  t.ws?.close();
  if (t.decoder && t.decoder.state !== 'closed') t.decoder.close();
  t.sink.close();
  tiles.delete(t.id);
}

function onOutput(t: Tile, frame: VideoFrame): void {
  const now = Date.now();
  const meta = t.sentAt.get(frame.timestamp);
  t.sentAt.delete(frame.timestamp);
  const lag = meta ? now - meta.sentAt : 0;
  t.r.decoded++;
  if (meta?.catchUp) {
    frame.close(); // decoded to reach the newest frame, never shown
    return;
  }
  // Catching up, every frame after the cached ones is the newest yet: shown, until one is current.
  const catchUp = catchingUp(t, now);
  if (catchUp && lag <= LAG_BOUND_MS) t.catchUpUntil = 0;
  // A late delta frame is dropped. A key frame is shown unless a newer key frame has arrived or
  // it is over a second old; a tile's first frame is always shown (a decoder's start-up on a
  // loaded post can take longer than that), and the deltas that follow are bounded again.
  const late = catchUp
    ? false
    : meta?.key
      ? t.r.shown > 0 && (frame.timestamp < t.lastKeyTs || lag > KEY_LAG_BOUND_MS)
      : lag > LAG_BOUND_MS;
  if (meta?.key && !catchUp && t.r.shown > 0) keyOutcome(t, late, now);
  if (t.closed || late) {
    frame.close();
    if (!t.closed) drop(t);
    return;
  }
  if (t.every > 1 && !meta?.key && t.r.decoded % t.every !== 0) {
    frame.close();
    return;
  }
  t.r.width = frame.displayWidth;
  t.r.height = frame.displayHeight;
  t.sink.show(
    frame,
    () => shown(t, meta?.sentAt ?? null),
    () => skipped(t),
  );
}

/** A frame reached the screen's path; its lag is counted from the gateway's send time to now. */
function shown(t: Tile, sentAt: number | null): void {
  if (t.closed) return;
  const now = Date.now();
  t.r.shown++;
  t.r.lag = sentAt === null ? 0 : now - sentAt;
  t.r.at = now;
  // Benchmark read-back on one frame in five, from what is displayed.
  if (t.bench && t.sink.probe && t.r.shown % 5 === 0)
    t.sink.probe((stamp) => {
      if (stamp !== null) t.r.latency.push(Date.now() - stamp);
    });
  report(t, t.r.shown === 1);
}

/** A decoded frame a newer one replaced before it could be shown: dropped, with no resync. */
function skipped(t: Tile): void {
  if (t.closed) return;
  t.r.dropped++;
  t.lastDropAt = Date.now();
  report(t, false);
}

function makeDecoder(t: Tile): VideoDecoder {
  return new VideoDecoder({
    output: (frame) => onOutput(t, frame),
    error: () => {
      // A corrupt unit or a decoder reset: resync on the next key frame with a fresh decoder.
      t.decoder = null;
      t.configured = null;
      t.waitKey = true;
      t.sentAt.clear();
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
  t.sentAt.clear();
  t.decoder.configure(config);
  t.configured = codec;
  t.r.codec = codec;
  return true;
}

/**
 * The stream's parameter sets, sent before its first unit: the decoder is configured now, so the
 * first key frame decodes at once (a unit with the same SPS does not configure it again).
 */
function onConfig(t: Tile, paramSets: string): void {
  let ps: Uint8Array;
  try {
    ps = Uint8Array.from(atob(paramSets), (c) => c.charCodeAt(0));
  } catch {
    return;
  }
  const sps = findParameterSets(ps);
  const codec = codecStringFromAccessUnit(ps);
  const psKey = sps ? Array.from(sps.subarray(0, 64)).join(',') : null;
  if (!codec || !psKey || psKey === t.paramSets) return;
  t.paramSets = psKey;
  t.waitKey = true;
  chain(t, async () => {
    if (!t.closed && !(await configure(t, codec))) fallback(t, codec);
  });
}

function onUnit(t: Tile, buf: ArrayBuffer): void {
  const f = decodeFrame(buf);
  if (!f || t.closed) return;
  // A tile's start is a catch-up too: a decoder configured on a loaded post may take longer than
  // the lag bound to show its first key frame, and dropping what follows would wait a whole GOP.
  if ((f.catchUp || (f.key && t.r.shown === 0)) && !catchingUp(t))
    t.catchUpUntil = Date.now() + CATCHUP_BOUND_MS;
  if (f.key) {
    // SPS/PPS or resolution changes arrive with key frames: reconfigure when they differ.
    const ps = findParameterSets(f.data);
    const psKey = ps ? Array.from(ps.subarray(0, 64)).join(',') : null;
    if (psKey && (psKey !== t.paramSets || !t.decoder || t.decoder.state !== 'configured')) {
      const codec = codecStringFromAccessUnit(f.data);
      if (!codec) return;
      t.paramSets = psKey;
      t.waitKey = true;
      chain(t, async () => {
        if (t.closed) return;
        if (!(await configure(t, codec))) fallback(t, codec);
        else decode(t, f.data, true, f.timestamp, f.sentAt, f.catchUp);
      });
      return;
    }
  }
  enqueue(t, () => decode(t, f.data, f.key, f.timestamp, f.sentAt, f.catchUp));
}

function decode(t: Tile, data: Uint8Array, key: boolean, ts: number, sentAt: number, catchUp: boolean): void {
  const d = t.decoder;
  if (t.closed || !d || d.state !== 'configured') return;
  if (!key) {
    // A starved tile decodes key frames only for a while (decoder-tile.ts, LATE_KEYS_TO_SHED).
    if (keyOnly(t)) return drop(t);
    if (t.waitKey) {
      if (t.r.shown > 0) t.r.dropped++; // resyncing after a drop (not the wait for a first key)
      return;
    }
    const behind = d.decodeQueueSize > MAX_QUEUE || Date.now() - sentAt > LAG_BOUND_MS;
    if (behind && !catchingUp(t)) return drop(t);
  }
  t.waitKey = false;
  const timestamp = Math.round(ts * 1000);
  if (key) t.lastKeyTs = timestamp;
  if (t.sentAt.size > 400) t.sentAt.clear();
  t.sentAt.set(timestamp, { sentAt, key, catchUp });
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
      if (msg.type === 'config') onConfig(t, msg.paramSets);
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
  m: { id: number; sink: FrameSink | null; url: string; bench: boolean; every: number },
  post: (e: WorkerEvent) => void,
): void {
  if (typeof VideoDecoder === 'undefined') {
    post({ id: m.id, type: 'fallback', codec: 'webcodecs-unavailable' });
    return;
  }
  if (!m.sink) {
    post({ id: m.id, type: 'fallback', codec: 'no-canvas' });
    return;
  }
  const t: Tile = {
    id: m.id,
    url: m.url,
    bench: m.bench,
    sink: m.sink,
    post,
    ws: null,
    decoder: null,
    configured: null,
    paramSets: null,
    waitKey: true,
    closed: false,
    every: m.every,
    lastKeyTs: 0,
    sentAt: new Map(),
    catchUpUntil: 0,
    r: {
      at: null,
      decoded: 0,
      shown: 0,
      dropped: 0,
      lag: 0,
      dropping: false,
      keyOnly: false,
      codec: '',
      latency: [],
      width: 0,
      height: 0,
    },
    lastDropAt: 0,
    lastPost: 0,
    queue: null,
    lateKeys: 0,
    keyOnlyUntil: 0,
  };
  tiles.set(m.id, t);
  connect(t);
}

export function setTileRate(id: number, every: number): void {
  const t = tiles.get(id);
  if (t) t.every = every;
}

export function closeTile(id: number): void {
  const t = tiles.get(id);
  if (t) close(t);
}
