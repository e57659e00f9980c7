/**
 * Fans one camera stream's access units out to its viewers. Drop, never queue: a viewer whose
 * socket backlog exceeds the bound gets no delta unit until the next key frame (it shows fewer
 * frames, never old ones). The current GOP is cached so a new viewer shows a picture at once.
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
const GOP_CACHE_LIMIT = 150;

interface ViewerState {
  waitKey: boolean;
  dropped: number;
}

export class AccessUnitFanout {
  private readonly viewers = new Map<Viewer, ViewerState>();
  private gop: Uint8Array[] = [];

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

  /** Adds a viewer; for the elementary format it first gets the cached GOP, stamped as sent now. */
  add(v: Viewer, replayGop: boolean, now = Date.now()): void {
    this.viewers.set(v, { waitKey: false, dropped: 0 });
    if (replayGop) for (const f of this.gop) v.send(restampFrame(f, now));
  }

  remove(v: Viewer): void {
    this.viewers.delete(v);
  }

  clear(): void {
    this.viewers.clear();
    this.gop = [];
  }

  /** A new upstream: its first key frame starts a new cache. */
  resetGop(): void {
    this.gop = [];
  }

  pushUnit(data: Uint8Array, key: boolean, now = Date.now()): void {
    const frame = encodeFrame(data, key, now, now);
    if (key) this.gop = [];
    if (this.gop.length < GOP_CACHE_LIMIT) this.gop.push(frame);
    for (const [v, st] of this.viewers) {
      if (v.bufferedAmount() > MAX_VIEWER_BACKLOG || (st.waitKey && !key)) {
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
