import { useEffect, useRef, useState } from 'react';
import type { StreamKind, VideoEndpoint } from '../../main/ipc/contract';
import { useConsole } from '../store/console-store';
import { benchFrame, benchStart } from '../video/bench-stats';
import { benchMode, streamUrl, videoEndpoint } from '../video/endpoint';
import { startJsmpeg, startWebCodecs, type VideoPath } from '../video/players';

interface Props {
  index: number;
  cameraId: number;
  stream: StreamKind;
  path: VideoPath;
  onFallback(): void;
}

/** The tile's canvas. A new canvas per source: an offscreen-transferred canvas cannot be reused. */
export function VideoSurface({ index, cameraId, stream, path, onFallback }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [endpoint, setEndpoint] = useState<VideoEndpoint | null>(null);
  const report = useConsole((s) => s.reportPlayback);

  useEffect(() => {
    void videoEndpoint().then(setEndpoint);
  }, []);

  useEffect(() => {
    const el = canvas.current;
    if (!endpoint || !el) return;
    const bench = benchMode();
    if (bench) benchStart(index, cameraId, path);
    const events = {
      onFrame: (r: Parameters<typeof benchFrame>[1]) => {
        report(index, { cameraId, path, lastFrameAt: r.at, codec: r.codec, resolution: `${r.width}x${r.height}` });
        if (bench) benchFrame(index, r);
      },
      onFallback,
    };
    const player = path === 'webcodecs'
      ? startWebCodecs(el, streamUrl(endpoint, cameraId, stream, 'annexb'), events, bench)
      : startJsmpeg(el, streamUrl(endpoint, cameraId, stream, 'mpeg1'), events, bench);
    return () => player.stop();
  }, [endpoint, index, cameraId, stream, path, onFallback, report]);

  return <canvas key={`${cameraId}:${stream}:${path}`} ref={canvas} className="video" width={640} height={360} />;
}
