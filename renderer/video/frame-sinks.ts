/**
 * Where decoded frames go. The cheapest path hands them to a <video> through a
 * MediaStreamTrackGenerator: the compositor shows them as video layers (about half the CPU of a
 * 2D canvas here). A canvas, in a worker or on the page, is the fallback where the generator is
 * missing. Nothing here records: the generator's track goes only to a <video> on this page.
 */
import { readStamp } from './stamp';

/** How a WebCodecs tile shows its frames. */
export type RenderPath = 'generator' | 'worker' | 'page';

export interface FrameSink {
  /** Shows the frame and takes ownership of it. */
  show(frame: VideoFrame): void;
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
    show: (frame) => {
      if (canvas.width !== frame.displayWidth || canvas.height !== frame.displayHeight) {
        canvas.width = frame.displayWidth;
        canvas.height = frame.displayHeight;
      }
      ctx.drawImage(frame, 0, 0);
      frame.close();
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
 * Frames written to a track shown by `video`. One write in flight: a frame that arrives while
 * the previous write is pending replaces the one waiting (newest wins, never a queue).
 */
export function generatorSink(video: HTMLVideoElement): FrameSink | null {
  const Ctor = generatorCtor();
  if (!Ctor) return null;
  const track = new Ctor({ kind: 'video' });
  const writer = track.writable.getWriter();
  video.srcObject = new MediaStream([track]);
  video.muted = true;
  void video.play().catch(() => {});
  let busy = false;
  let waiting: VideoFrame | null = null;
  let closed = false;
  const write = (frame: VideoFrame): void => {
    busy = true;
    writer.write(frame).then(
      () => {
        busy = false;
        const next = waiting;
        waiting = null;
        if (next && !closed) write(next);
        else next?.close();
      },
      () => {
        busy = false;
      },
    );
  };
  return {
    show: (frame) => {
      if (closed) return frame.close();
      if (!busy) return write(frame);
      waiting?.close();
      waiting = frame;
    },
    close: () => {
      closed = true;
      waiting?.close();
      waiting = null;
      void writer.close().catch(() => {});
      track.stop();
      video.srcObject = null;
    },
  };
}
