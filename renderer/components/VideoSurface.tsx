import { useEffect, useRef, useState } from 'react';
import type { StreamKind, VideoEndpoint } from '../../common/contract';
import { useConsole } from '../store/console-store';
import { benchFrame, benchStart } from '../video/bench-stats';
import { benchMode, streamUrl, videoEndpoint } from '../video/endpoint';
import { startJsmpeg, startWebCodecs, type FrameReport, type VideoPath } from '../video/players';

interface Props {
  index: number;
  cameraId: number;
  stream: StreamKind;
  path: VideoPath;
  onFallback(): void;
}

interface Layer {
  id: number;
  stream: StreamKind;
  path: VideoPath;
}

let nextLayer = 1;

/**
 * The tile's video. Switching the same camera between sub- and main stream keeps the old
 * picture until the new stream's first frame (no black flash); a different camera never
 * shows the previous camera's picture.
 */
export function VideoSurface({ index, cameraId, stream, path, onFallback }: Props) {
  const [endpoint, setEndpoint] = useState<VideoEndpoint | null>(null);
  const [layers, setLayers] = useState<Layer[]>(() => [{ id: nextLayer++, stream, path }]);

  useEffect(() => {
    void videoEndpoint().then(setEndpoint);
  }, []);

  useEffect(() => {
    setLayers((ls) => {
      const top = ls.at(-1)!;
      if (top.stream === stream && top.path === path) return ls;
      const next = { id: nextLayer++, stream, path };
      // A fallback replaces at once (the old path failed); a stream change overlaps.
      return top.path === path ? [...ls, next] : [next];
    });
  }, [stream, path]);

  const onFirstFrame = (id: number): void => setLayers((ls) => ls.filter((l) => l.id >= id));

  if (!endpoint) return null;
  return (
    <>
      {layers.map((l, i) => (
        <VideoLayer
          key={`${cameraId}:${l.id}`}
          index={index}
          cameraId={cameraId}
          layer={l}
          endpoint={endpoint}
          pending={i === layers.length - 1 && layers.length > 1}
          onFirstFrame={onFirstFrame}
          onFallback={onFallback}
        />
      ))}
    </>
  );
}

interface LayerProps {
  index: number;
  cameraId: number;
  layer: Layer;
  endpoint: VideoEndpoint;
  pending: boolean;
  onFirstFrame(id: number): void;
  onFallback(): void;
}

function VideoLayer({ index, cameraId, layer, endpoint, pending, onFirstFrame, onFallback }: LayerProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const report = useConsole((s) => s.reportPlayback);
  const [shown, setShown] = useState(false);
  const first = useRef(onFirstFrame);
  first.current = onFirstFrame;

  useEffect(() => {
    const el = canvas.current;
    if (!el) return;
    const bench = benchMode();
    if (bench) benchStart(index, cameraId, layer.path);
    let seen = false;
    const events = {
      onFrame: (r: FrameReport) => {
        if (!seen) {
          seen = true;
          setShown(true);
          first.current(layer.id);
        }
        report(index, {
          cameraId,
          path: layer.path,
          lastFrameAt: r.at,
          codec: r.codec,
          resolution: `${r.width}x${r.height}`,
        });
        if (bench) benchFrame(index, r);
      },
      onFallback,
    };
    const player =
      layer.path === 'webcodecs'
        ? startWebCodecs(el, streamUrl(endpoint, cameraId, layer.stream, 'annexb'), events, bench)
        : startJsmpeg(el, streamUrl(endpoint, cameraId, layer.stream, 'mpeg1'), events, bench);
    return () => player.stop();
  }, [endpoint, index, cameraId, layer, onFallback, report]);

  return (
    <canvas
      ref={canvas}
      className="video"
      width={640}
      height={360}
      data-stream={layer.stream}
      style={pending && !shown ? { opacity: 0 } : undefined}
    />
  );
}
