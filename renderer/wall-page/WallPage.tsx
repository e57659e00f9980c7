/** The wall: its layout of up to 16 tiles, no controls, the cursor hidden once the mouse is idle. */
import { useCallback, useEffect, useState, type CSSProperties } from 'react';
import { streamKey } from '../../common/stream-key';
import { WALL_GRID, WALL_TILES } from '../../common/contract-wall';
import { formatTime, translate } from '../i18n';
import { tileState } from '../features/tiles/tile-state';
import { pageOptions } from '../video/options';
import { chooseRender, webCodecsAvailable, type TileRender, type VideoPath } from '../video/players';
import { chooseStream } from '../video/stream-choice';
import { WallVideo } from './WallVideo';
import { isLargeWallTile, wallDisplayEvery } from './wall-tiles';
import { useWall } from './wall-store';

const IDLE_CURSOR_MS = 3000;

function initialPath(): VideoPath {
  return pageOptions().video !== 'mpeg1' && webCodecsAvailable() ? 'webcodecs' : 'jsmpeg';
}

export function WallTile({ index, style }: { index: number; style?: CSSProperties }) {
  const locale = useWall((s) => s.locale);
  const t = (k: Parameters<typeof translate>[1], p?: Record<string, string | number>): string =>
    translate(locale, k, p);
  const layout = useWall((s) => s.wall?.layout ?? '4x4');
  const cameraId = useWall((s) => s.wall?.tiles[index]?.cameraId ?? null);
  const camera = useWall((s) => (cameraId === null ? undefined : s.cameras.find((c) => c.id === cameraId)));
  const endpoint = useWall((s) => s.video);
  const now = useWall((s) => s.now);
  const [fallbackFor, setFallbackFor] = useState<number | null>(null);
  const path: VideoPath = fallbackFor !== null && fallbackFor === cameraId ? 'jsmpeg' : initialPath();
  const render: TileRender = path === 'jsmpeg' ? 'jsmpeg' : chooseRender(pageOptions().render);
  const stream = camera ? chooseStream(camera, isLargeWallTile(layout, index)) : 'main';
  const key = cameraId === null ? '' : streamKey(cameraId, stream, path === 'webcodecs' ? 'annexb' : 'mpeg1');
  const status = useWall((s) => s.statuses[key]);
  const playback = useWall((s) => s.playback[index]);
  const view = tileState(camera ? cameraId : null, status, playback, now);
  const onFallback = useCallback(() => setFallbackFor(cameraId), [cameraId]);

  let label = '';
  if (view.state === 'stalled')
    label = view.lastFrameAt
      ? t('state.stalled', { time: formatTime(locale, view.lastFrameAt) })
      : t('state.stalledNoTime');
  else if (view.state === 'offline' || view.state === 'reconnecting')
    label = t(`state.${view.state}`) + (view.reason ? ` — ${t(`reason.${view.reason}`)}` : '');
  else if (view.state !== 'empty') label = t(`state.${view.state}`);

  return (
    <div
      className={`tile wall-tile state-${view.state}`}
      style={style}
      data-testid={`wall-tile-${index}`}
      data-camera-id={camera ? String(cameraId) : ''}
      data-state={view.state}
      data-stream={camera ? stream : ''}
    >
      {camera && cameraId !== null && endpoint && (
        <WallVideo
          key={`${endpoint.token}:${cameraId}:${stream}:${render}`}
          index={index}
          cameraId={cameraId}
          stream={stream}
          render={render}
          every={wallDisplayEvery(layout, index)}
          endpoint={endpoint}
          onFallback={onFallback}
        />
      )}
      {camera && (
        <div className="tile-head">
          <span className="tile-num">{camera.id}</span>
          <span className="tile-name">{camera.name}</span>
          <span className="tile-site">{camera.site}</span>
          <span className="tile-clock">{formatTime(locale, now)}</span>
        </div>
      )}
      {view.state !== 'empty' && (
        <div className={`tile-badge badge-${view.state}`} data-testid={`wall-tile-${index}-badge`}>
          {label}
        </div>
      )}
    </div>
  );
}

export function WallPage() {
  const phase = useWall((s) => s.phase);
  const locale = useWall((s) => s.locale);
  const layout = useWall((s) => s.wall?.layout ?? null);
  const [idle, setIdle] = useState(false);

  useEffect(() => {
    let timer = window.setTimeout(() => setIdle(true), IDLE_CURSOR_MS);
    const onMove = (): void => {
      setIdle(false);
      window.clearTimeout(timer);
      timer = window.setTimeout(() => setIdle(true), IDLE_CURSOR_MS);
    };
    window.addEventListener('mousemove', onMove);
    return () => {
      window.clearTimeout(timer);
      window.removeEventListener('mousemove', onMove);
    };
  }, []);

  if (phase !== 'open' || !layout)
    return (
      <div
        className={`wall-page wall-closed${idle ? ' idle' : ''}`}
        data-testid="wall-page"
        data-phase={phase}
      >
        {(phase === 'nokey' || phase === 'refused') && (
          <p className="wall-refused" data-testid="wall-refused">
            {translate(locale, phase === 'nokey' ? 'wallPage.noKey' : 'wallPage.refused')}
          </p>
        )}
      </div>
    );
  const { cols, big } = WALL_GRID[layout];
  const style: CSSProperties = {
    gridTemplateColumns: `repeat(${cols}, 1fr)`,
    gridTemplateRows: `repeat(${cols}, 1fr)`,
  };
  return (
    <div className={`wall-page${idle ? ' idle' : ''}`} data-testid="wall-page" data-phase={phase}>
      <div className="mosaic wall-mosaic" style={style} data-testid="wall-mosaic" data-layout={layout}>
        {Array.from({ length: WALL_TILES[layout] }, (_, i) => (
          <WallTile
            key={i}
            index={i}
            style={i === 0 && big > 1 ? { gridColumn: `span ${big}`, gridRow: `span ${big}` } : undefined}
          />
        ))}
      </div>
    </div>
  );
}
