/**
 * Where decoded frames go. The cheapest paths hand them to a <video> through a
 * MediaStreamTrackGenerator: the compositor shows them as video layers (about half the CPU of a
 * 2D canvas here), written from a decoding worker through the transferred writable, or from the
 * page thread. A canvas, in a worker or on the page, is the fallback where the generator is
 * missing. Nothing here records: the generator's track goes only to a <video> on this page.
 */
import { readStamp } from './stamp';

/** How a WebCodecs tile shows its frames. */
export type RenderPath = 'worker-generator' | 'generator' | 'worker' | 'page';

export interface FrameSink {
  /**
   * Shows the frame and takes ownership of it: `shown` once it is on its way to the screen, or
   * `skipped` if a newer frame replaced it before that.
   */
  show(frame: VideoFrame, shown: () => void, skipped: () => void): void;
  close(): void;
  /** Benchmark only: the stamp on the picture as displayed, read at the next animation frame. */
  probe?(done: (stampedAt: number | null) => void): void;
}

export type DecodeCanvas = OffscreenCanvas | HTMLCanvasElement;
type Ctx2D = OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D;

export function canvasSink(canvas: DecodeCanvas, bench: boolean): FrameSink | null {
  const ctx = canvas.getContext('2d', {
    alpha: false,
    desynchronized: true,
    willReadFrequently: bench,
  }) as Ctx2D | null;
  if (!ctx) return null;
  return {
    show: (frame, shown) => {
      if (canvas.width !== frame.displayWidth || canvas.height !== frame.displayHeight) {
        canvas.width = frame.displayWidth;
        canvas.height = frame.displayHeight;
      }
      ctx.drawImage(frame, 0, 0);
      frame.close();
      shown();
    },
    close: () => {},
    probe: (done) => requestAnimationFrame(() => done(readStamp(ctx, canvas.width))),
  };
}

/** Chromium's MediaStreamTrackGenerator (page thread only; not in the DOM typings yet). */
interface TrackGenerator extends MediaStreamTrack {
  readonly writable: WritableStream<VideoFrame>;
}
type TrackGeneratorCtor = new (init: { kind: 'video' }) => TrackGenerator;

function generatorCtor(): TrackGeneratorCtor | null {
  const g = (globalThis as { MediaStreamTrackGenerator?: TrackGeneratorCtor }).MediaStreamTrackGenerator;
  return typeof g === 'function' ? g : null;
}

export function generatorAvailable(): boolean {
  return generatorCtor() !== null && typeof HTMLVideoElement !== 'undefined';
}

/**
 * The generator's writable stream can be handed to a worker (Chromium 156 has no generator in
 * workers, VideoTrackGenerator included, but streams are transferable): the worker decodes and
 * writes, and the page thread runs no script per frame.
 */
export function writableTransferable(): boolean {
  if (typeof Worker === 'undefined' || typeof WritableStream === 'undefined') return false;
  try {
    const w = new WritableStream();
    structuredClone(w, { transfer: [w] });
    return true;
  } catch {
    return false;
  }
}

/** Render paths whose picture is a <video> fed by a track generator. */
export const showsInVideo = (r: string): boolean => r === 'generator' || r === 'worker-generator';

/** A generator whose track `video` shows (muted, only on this page: nothing records). */
export function attachGenerator(video: HTMLVideoElement): {
  writable: WritableStream<VideoFrame>;
  stop(): void;
} | null {
  const Ctor = generatorCtor();
  if (!Ctor) return null;
  const track = new Ctor({ kind: 'video' });
  video.srcObject = new MediaStream([track]);
  video.muted = true;
  void video.play().catch(() => {});
  return {
    writable: track.writable,
    stop: () => {
      track.stop();
      video.srcObject = null;
    },
  };
}

/**
 * Frames written to a track generator's writable, here or transferred from the page. One write
 * in flight: a frame that arrives while the previous write is pending replaces the one waiting
 * (newest wins, never a queue; the replaced one counts as dropped). A frame is shown when its
 * write completes: across threads, when the page has taken it, so a blocked page shows as lag. A frame is closed once written: a transferred stream sends a
 * copy, and closing one the generator already closed is harmless.
 */
export function writerSink(writable: WritableStream<VideoFrame>, onClose?: () => void): FrameSink {
  interface Pending {
    frame: VideoFrame;
    shown: () => void;
    skipped: () => void;
  }
  const writer = writable.getWriter();
  let busy = false;
  let waiting: Pending | null = null;
  let closed = false;
  const write = (p: Pending): void => {
    busy = true;
    const done = (ok: boolean): void => {
      p.frame.close();
      busy = false;
      if (ok && !closed) p.shown();
      const next = waiting;
      waiting = null;
      if (next && !closed) write(next);
      else next?.frame.close();
    };
    writer.write(p.frame).then(
      () => done(true),
      () => done(false),
    );
  };
  return {
    show: (frame, shown, skipped) => {
      if (closed) return frame.close();
      if (!busy) return write({ frame, shown, skipped });
      if (waiting) {
        waiting.frame.close();
        waiting.skipped();
      }
      waiting = { frame, shown, skipped };
    },
    close: () => {
      closed = true;
      waiting?.frame.close();
      waiting = null;
      void writer.close().catch(() => {});
      onClose?.();
    },
  };
}

/** The generator on the page thread: decoding and writing both run here. */
export function generatorSink(video: HTMLVideoElement): FrameSink | null {
  const g = attachGenerator(video);
  return g && writerSink(g.writable, g.stop);
}
