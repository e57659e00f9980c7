/**
 * One decoding tile's state and the small rules every part of the decoder shares: reporting to
 * the page, dropping (then resyncing on a key frame), catching up, and the order of its units.
 */
import type { FrameSink } from './frame-sinks';
import type { TileReport, WorkerEvent } from './tile-messages';

/** A tile that dropped within this window says so. */
const DROPPING_HOLD_MS = 1000;
/** A catch-up that has not reached a current frame by then falls back to the drop rules. */
export const CATCHUP_BOUND_MS = 3000;
/**
 * A tile whose key frames come out of its decoder too late to show, twice running, is starved (a
 * post on a slow day: CI's soak once saw wall tiles decode every key frame and show none for 11 to
 * 15 s, dark with their cameras up). It then decodes key frames only for KEY_ONLY_MS: a picture a
 * GOP, each within the lag bound, instead of none, and a small part of the decoding work, which
 * lets the post catch up; then it tries every frame again.
 */
export const LATE_KEYS_TO_SHED = 2;
export const KEY_ONLY_MS = 8000;

export interface Tile {
  id: number;
  url: string;
  bench: boolean;
  sink: FrameSink;
  post: (e: WorkerEvent) => void;
  ws: WebSocket | null;
  decoder: VideoDecoder | null;
  configured: string | null;
  paramSets: string | null;
  waitKey: boolean;
  closed: boolean;
  /** Show one decoded frame in `every` (2 on small tiles: 12.5 fps shown, 25 decoded). */
  every: number;
  /** Decode timestamp (µs) of the newest key unit received. */
  lastKeyTs: number;
  /** Decode timestamp (µs) → gateway send time, for frames in the decoder. */
  sentAt: Map<number, { sentAt: number; key: boolean; catchUp: boolean }>;
  /** Catching up on a flowing stream's cached units until this time (0: not catching up). */
  catchUpUntil: number;
  r: TileReport;
  lastDropAt: number;
  lastPost: number;
  /** Set while a (re)configure is in flight: units queue behind it, in order. */
  queue: Promise<void> | null;
  /** Key frames dropped as late since the last one shown. */
  lateKeys: number;
  /** Decoding key frames only until this time (0: every frame). */
  keyOnlyUntil: number;
}

export function report(t: Tile, force: boolean): void {
  const now = Date.now();
  if (!force && now - t.lastPost <= 250) return;
  t.r.dropping = now - t.lastDropAt < DROPPING_HOLD_MS;
  t.r.keyOnly = keyOnly(t, now);
  t.post({ id: t.id, type: 'frame', ...t.r, latency: t.r.latency.splice(0) });
  t.lastPost = now;
}

export function drop(t: Tile): void {
  t.r.dropped++;
  t.waitKey = true;
  t.lastDropAt = Date.now();
  report(t, false);
}

/** Whether the tile decodes key frames only now (see LATE_KEYS_TO_SHED). */
export function keyOnly(t: Pick<Tile, 'keyOnlyUntil'>, now = Date.now()): boolean {
  if (t.keyOnlyUntil !== 0 && now > t.keyOnlyUntil) t.keyOnlyUntil = 0;
  return t.keyOnlyUntil !== 0;
}

/** A key frame came out of the decoder, shown or dropped as late: after two late ones, key frames only. */
export function keyOutcome(
  t: Pick<Tile, 'lateKeys' | 'keyOnlyUntil'>,
  late: boolean,
  now = Date.now(),
): void {
  if (!late) {
    t.lateKeys = 0;
    return;
  }
  t.lateKeys++;
  if (t.lateKeys >= LATE_KEYS_TO_SHED) {
    t.lateKeys = 0;
    t.keyOnlyUntil = now + KEY_ONLY_MS;
  }
}

export function catchingUp(t: Tile, now = Date.now()): boolean {
  if (t.catchUpUntil !== 0 && now > t.catchUpUntil) t.catchUpUntil = 0;
  return t.catchUpUntil !== 0;
}

/** A (re)configure: the units that arrive meanwhile queue behind it, in order. */
export function chain(t: Tile, fn: () => Promise<void>): void {
  const q = (t.queue ?? Promise.resolve()).then(fn);
  t.queue = q;
  void q.then(() => {
    if (t.queue === q) t.queue = null;
  });
}

export function enqueue(t: Tile, fn: () => void | Promise<void>): void {
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
