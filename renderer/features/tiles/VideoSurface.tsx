import { memo, useEffect, useRef, useState } from 'react';
import type { StreamKind, VideoEndpoint } from '../../../common/contract';
import { benchFrame, benchStart, benchVideo } from '../../video/bench-stats';
import { showsInVideo } from '../../video/frame-sinks';
import { streamUrl } from '../../video/endpoint';
import { pageOptions } from '../../video/options';
import {
  startJsmpeg,
  startWebCodecs,
  type Player,
  type TileRender,
  type TileReport,
} from '../../video/players';
import { onScreenAt, type Playback } from './tile-state';

interface Props {
  index: number;
  cameraId: number;
  stream: StreamKind;
  render: TileRender;
  /** Show one decoded frame in `every` (2 on small tiles). */
  every: number;
  /** The video socket and the window's token (the console's session, or the wall page's grant). */
  endpoint: VideoEndpoint;
  /** What the tile's player saw, for the window's store (a stable function). */
  onReport(index: number, p: Playback): void;
  onFallback(): void;
}

interface Layer {
  id: number;
  stream: StreamKind;
  render: TileRender;
}

let nextLayer = 1;

/**
 * The tile's video, on the console and on the wall alike. Switching the same camera between sub- and main stream keeps the old
 * picture until the new stream's first frame (no black flash); a different camera never
 * shows the previous camera's picture. Memoised: the tile's clock ticks twice a second and
 * must not re-render the video layers.
 */
export const VideoSurface = memo(function VideoSurface({
  index,
  cameraId,
  stream,
  render,
  every,
  endpoint,
  onReport,
  onFallback,
}: Props) {
  const [layers, setLayers] = useState<Layer[]>(() => [{ id: nextLayer++, stream, render }]);
  // The new layer is added while rendering, not in an effect, so that the commit that shows the
  // tile's new stream also holds its layer: nothing ever sees the tile on `main` with only the
  // sub-stream's picture under it.
  const top = layers.at(-1)!;
  if (top.stream !== stream || top.render !== render) {
    const next = { id: nextLayer++, stream, render };
    // A fallback replaces at once (the old path failed); a stream change overlaps.
    setLayers(top.render === render ? [...layers, next] : [next]);
  }

  const onFirstFrame = (id: number): void => setLayers((ls) => ls.filter((l) => l.id >= id));

  return (
    <>
      {layers.map((l, i) => (
        <VideoLayer
          key={`${cameraId}:${l.id}`}
          index={index}
          cameraId={cameraId}
          layer={l}
          every={every}
          endpoint={endpoint}
          pending={i === layers.length - 1 && layers.length > 1}
          onFirstFrame={onFirstFrame}
          onReport={onReport}
          onFallback={onFallback}
        />
      ))}
    </>
  );
});

interface LayerProps {
  index: number;
  cameraId: number;
  layer: Layer;
  every: number;
  endpoint: VideoEndpoint;
  pending: boolean;
  onFirstFrame(id: number): void;
  onReport(index: number, p: Playback): void;
  onFallback(): void;
}

function VideoLayer({
  index,
  cameraId,
  layer,
  every,
  endpoint,
  pending,
  onFirstFrame,
  onReport: report,
  onFallback,
}: LayerProps) {
  const picture = useRef<HTMLVideoElement | HTMLCanvasElement | null>(null);
  const setPicture = (e: HTMLVideoElement | HTMLCanvasElement | null): void => {
    picture.current = e;
  };
  const player = useRef<Player | null>(null);
  const [shown, setShown] = useState(false);
  const first = useRef(onFirstFrame);
  first.current = onFirstFrame;
  const rate = useRef(every);
  rate.current = every;

  useEffect(() => {
    const el = picture.current;
    if (!el) return;
    const { bench } = pageOptions();
    if (bench) benchStart(index, cameraId, layer.render);
    const stopBench = bench && el instanceof HTMLVideoElement ? benchVideo(index, el) : null;
    const presented = el instanceof HTMLVideoElement ? watchPresented(el) : null;
    let seen = false;
    const events = {
      onFrame: (r: TileReport) => {
        if (r.at !== null && !seen) {
          seen = true;
          setShown(true);
          first.current(layer.id);
        }
        report(index, {
          cameraId,
          path: layer.render === 'jsmpeg' ? 'jsmpeg' : 'webcodecs',
          render: layer.render,
          lastFrameAt: onScreenAt(r.at, presented?.at() ?? null),
          codec: r.codec,
          resolution: r.width ? `${r.width}x${r.height}` : null,
          lag: r.lag,
          dropping: r.dropping,
          keyOnly: r.keyOnly,
        });
        if (bench) benchFrame(index, r);
      },
      onFallback,
    };
    const r = layer.render;
    let p: Player | null = null;
    if (r !== 'jsmpeg')
      p = startWebCodecs(el, r, streamUrl(endpoint, cameraId, layer.stream, 'annexb'), events, {
        bench,
        every: rate.current,
      });
    else if (el instanceof HTMLCanvasElement)
      p = startJsmpeg(el, streamUrl(endpoint, cameraId, layer.stream, 'mpeg1'), events, bench);
    if (!p) return;
    player.current = p;
    return () => {
      stopBench?.();
      presented?.stop();
      player.current = null;
      p.stop();
    };
  }, [endpoint, index, cameraId, layer, onFallback, report]);

  useEffect(() => player.current?.setRate(every), [every]);

  const common = {
    className: 'video',
    'data-stream': layer.stream,
    'data-render': layer.render,
    style: pending && !shown ? { opacity: 0 } : undefined,
  };
  return showsInVideo(layer.render) ? (
    <video ref={setPicture} {...common} muted autoPlay playsInline disablePictureInPicture />
  ) : (
    <canvas ref={setPicture} {...common} width={640} height={360} />
  );
}

/** When this <video> last presented a frame (epoch ms; null: none yet), from the compositor. */
function watchPresented(video: HTMLVideoElement): { at(): number | null; stop(): void } {
  let at: number | null = null;
  let handle = 0;
  const onFrame = (_: number, meta: VideoFrameCallbackMetadata): void => {
    at = Math.round(performance.timeOrigin + meta.presentationTime);
    handle = video.requestVideoFrameCallback(onFrame);
  };
  handle = video.requestVideoFrameCallback(onFrame);
  return { at: () => at, stop: () => video.cancelVideoFrameCallback(handle) };
}
