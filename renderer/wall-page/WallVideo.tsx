/** A wall tile's picture: the console's players, fed with the wall page's own video token. */
import { useEffect, useRef } from 'react';
import type { StreamKind, VideoEndpoint } from '../../common/contract';
import { streamUrl } from '../video/endpoint';
import { showsInVideo } from '../video/frame-sinks';
import { startJsmpeg, startWebCodecs, type Player, type TileRender } from '../video/players';
import { useWall } from './wall-store';

interface Props {
  index: number;
  cameraId: number;
  stream: StreamKind;
  render: TileRender;
  every: number;
  endpoint: VideoEndpoint;
  onFallback(): void;
}

export function WallVideo({ index, cameraId, stream, render, every, endpoint, onFallback }: Props) {
  const picture = useRef<HTMLVideoElement | HTMLCanvasElement | null>(null);
  const player = useRef<Player | null>(null);
  const rate = useRef(every);
  rate.current = every;

  useEffect(() => {
    const el = picture.current;
    if (!el) return;
    const report = useWall.getState().reportPlayback;
    const events = {
      onFrame: (r: {
        at: number | null;
        codec: string;
        width: number;
        height: number;
        lag: number;
        dropping: boolean;
      }) =>
        report(index, {
          cameraId,
          path: render === 'jsmpeg' ? 'jsmpeg' : 'webcodecs',
          render,
          lastFrameAt: r.at,
          codec: r.codec,
          resolution: r.width ? `${r.width}x${r.height}` : null,
          lag: r.lag,
          dropping: r.dropping,
        }),
      onFallback,
    };
    let p: Player | null = null;
    if (render !== 'jsmpeg')
      p = startWebCodecs(el, render, streamUrl(endpoint, cameraId, stream, 'annexb'), events, {
        bench: false,
        every: rate.current,
      });
    else if (el instanceof HTMLCanvasElement)
      p = startJsmpeg(el, streamUrl(endpoint, cameraId, stream, 'mpeg1'), events, false);
    if (!p) return;
    player.current = p;
    return () => {
      player.current = null;
      p.stop();
    };
  }, [endpoint, index, cameraId, stream, render, onFallback]);

  useEffect(() => player.current?.setRate(every), [every]);

  const setPicture = (e: HTMLVideoElement | HTMLCanvasElement | null): void => {
    picture.current = e;
  };
  return showsInVideo(render) ? (
    <video ref={setPicture} className="video" muted autoPlay playsInline disablePictureInPicture />
  ) : (
    <canvas ref={setPicture} className="video" width={640} height={360} />
  );
}
