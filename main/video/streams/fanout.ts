/**
 * Fans one camera stream's access units out to its viewers. Drop, never queue: a viewer whose
 * socket backlog exceeds the bound gets no delta unit until the next key frame (it shows fewer
 * frames, never old ones). The units since the last key frame are cached, in memory only, so a
 * new viewer shows a current picture at once: it decodes them as catch-up units and shows the last.
 */
import { encodeFrame, restampFrame } from '../../../common/video-frame';

export interface Viewer {
  send(data: Uint8Array | string): void;
  bufferedAmount(): number;
  close(code: number, reason: string): void;
}

/**
 * Socket backlog past which a viewer is slow: about 300 ms of a 720p sub-stream at 4 Mb/s, and
 * more than one key frame, so a key frame alone never makes a healthy viewer skip.
 */
export const MAX_VIEWER_BACKLOG = 192 * 1024;
/**
 * The cache's bounds: the units since the last key frame (one GOP), at most 10 s at 25 fps and
 * 4 MiB (a 4 s GOP of an 8 Mb/s main stream). A GOP past either bound is not cached at all (a GOP
 * cut short could not be decoded to its end): a new viewer then waits for the next key frame.
 */
export const CACHE_MAX_UNITS = 250;
export const CACHE_MAX_BYTES = 4 * 1024 * 1024;

interface ViewerState {
  waitKey: boolean;
  dropped: number;
  /**
   * Bytes of cached units replayed to this viewer at its start: allowed on top of the backlog
   * bound until its socket drains, or the live units after a catch-up would be dropped as late.
   */
  replay: number;
}

export class AccessUnitFanout {
  private readonly viewers = new Map<Viewer, ViewerState>();
  private gop: Uint8Array[] = [];
  private gopBytes = 0;
  /** No key frame since the upstream (re)started, or the GOP outgrew the cache: nothing cached. */
  private overflow = true;

  get size(): number {
    return this.viewers.size;
  }

  list(): Viewer[] {
    return [...this.viewers.keys()];
  }

  /** Delta units dropped for this viewer so far (diagnostics and tests). */
  dropped(v: Viewer): number {
    return this.viewers.get(v)?.dropped ?? 0;
  }

  /** Bytes and units cached now (tests and diagnostics). */
  get cached(): { units: number; bytes: number } {
    return { units: this.gop.length, bytes: this.gopBytes };
  }

  /**
   * Adds a viewer. For the elementary format it first gets the cached GOP, stamped as sent now:
   * every unit marked catch-up but the last, which the viewer shows.
   */
  add(v: Viewer, replayGop: boolean, now = Date.now()): void {
    const st: ViewerState = { waitKey: false, dropped: 0, replay: 0 };
    this.viewers.set(v, st);
    if (!replayGop) return;
    const last = this.gop.length - 1;
    this.gop.forEach((f, i) => v.send(restampFrame(f, now, i < last)));
    st.replay = this.gopBytes;
  }

  remove(v: Viewer): void {
    this.viewers.delete(v);
  }

  clear(): void {
    this.viewers.clear();
    this.resetGop();
  }

  /** The upstream stopped or restarts: nothing cached is current any more; the next key frame starts anew. */
  resetGop(): void {
    this.gop = [];
    this.gopBytes = 0;
    this.overflow = true;
  }

  private cache(frame: Uint8Array, key: boolean): void {
    if (key) {
      this.gop = [];
      this.gopBytes = 0;
      this.overflow = false;
    }
    if (this.overflow) return;
    if (this.gop.length >= CACHE_MAX_UNITS || this.gopBytes + frame.byteLength > CACHE_MAX_BYTES) {
      this.resetGop();
      return;
    }
    this.gop.push(frame);
    this.gopBytes += frame.byteLength;
  }

  pushUnit(data: Uint8Array, key: boolean, now = Date.now()): void {
    const frame = encodeFrame(data, key, now, now);
    this.cache(frame, key);
    for (const [v, st] of this.viewers) {
      const backlog = v.bufferedAmount();
      if (backlog <= MAX_VIEWER_BACKLOG) st.replay = 0;
      if (backlog > MAX_VIEWER_BACKLOG + st.replay || (st.waitKey && !key)) {
        st.waitKey = true;
        st.dropped++;
        continue;
      }
      st.waitKey = false;
      v.send(frame);
    }
  }

  /** MPEG-TS packets (baseline path): no key frames to resync on, so a slow viewer just skips. */
  pushPackets(packets: Uint8Array): void {
    for (const [v, st] of this.viewers) {
      if (v.bufferedAmount() < MAX_VIEWER_BACKLOG * 8) v.send(packets);
      else st.dropped++;
    }
  }
}
