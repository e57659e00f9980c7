import { useCallback, useState, type DragEvent } from 'react';
import { formatTime } from '../../i18n';
import { selectors, useConsole, useT } from '../../console/console-store';
import { tileState } from './tile-state';
import { pageOptions } from '../../video/options';
import { chooseRender, webCodecsAvailable, type TileRender, type VideoPath } from '../../video/players';
import { streamKey } from '../../../common/stream-key';
import { chooseStream, displayEvery, isLargeTile } from '../../video/stream-choice';
import { VideoSurface } from './VideoSurface';
import { TilePtzLease } from '../ptz/PtzLease';

export const DND_CAMERA = 'application/x-vigie-camera';
export const DND_TILE = 'application/x-vigie-tile';

function initialPath(): VideoPath {
  return pageOptions().video !== 'mpeg1' && webCodecsAvailable() ? 'webcodecs' : 'jsmpeg';
}

export function Tile({ index, style }: { index: number; style?: React.CSSProperties }) {
  const t = useT();
  const locale = useConsole(selectors.locale);
  const cameraId = useConsole((s) => s.tiles[index] ?? null);
  const camera = useConsole((s) =>
    cameraId === null ? undefined : s.cameras.find((c) => c.id === cameraId),
  );
  const layout = useConsole(selectors.layout);
  const solo = useConsole(selectors.solo);
  const selected = useConsole((s) => s.selected === index);
  const now = useConsole(selectors.now);
  const fullRate = useConsole((s) => s.fullRate);
  const { assign, swap, select, toggleSolo } = useConsole.getState();
  const [fallbackFor, setFallbackFor] = useState<number | null>(null);
  const path: VideoPath = fallbackFor !== null && fallbackFor === cameraId ? 'jsmpeg' : initialPath();
  const render: TileRender = path === 'jsmpeg' ? 'jsmpeg' : chooseRender(pageOptions().render);
  const stream = camera ? chooseStream(camera, isLargeTile(layout, index, solo)) : 'main';
  const every = displayEvery(layout, index, solo, fullRate || pageOptions().fullRate);
  const key = cameraId === null ? '' : streamKey(cameraId, stream, path === 'webcodecs' ? 'annexb' : 'mpeg1');
  const status = useConsole((s) => s.statuses[key]);
  const playback = useConsole((s) => s.playback[index]);
  const view = tileState(camera ? cameraId : null, status, playback, now);
  const own = playback?.cameraId === cameraId ? playback : undefined;
  const onFallback = useCallback(() => setFallbackFor(cameraId), [cameraId]);

  const onDrop = (e: DragEvent): void => {
    e.preventDefault();
    const cam = e.dataTransfer.getData(DND_CAMERA);
    const from = e.dataTransfer.getData(DND_TILE);
    if (cam) assign(index, Number(cam));
    else if (from !== '') swap(Number(from), index);
  };

  let label: string;
  switch (view.state) {
    case 'empty':
      label = t('tile.empty');
      break;
    case 'stalled':
      label = view.lastFrameAt
        ? t('state.stalled', { time: formatTime(locale, view.lastFrameAt) })
        : t('state.stalledNoTime');
      break;
    case 'offline':
    case 'reconnecting':
      label = t(`state.${view.state}`) + (view.reason ? ` — ${t(`reason.${view.reason}`)}` : '');
      break;
    case 'connecting':
    case 'playing':
      label = t(`state.${view.state}`);
      break;
    default: {
      const never: never = view.state;
      label = never;
    }
  }

  return (
    <div
      className={`tile state-${view.state}${selected ? ' selected' : ''}`}
      style={style}
      data-testid={`tile-${index}`}
      data-camera-id={camera ? (cameraId ?? '') : ''}
      data-state={view.state}
      data-path={camera ? path : ''}
      data-stream={camera ? stream : ''}
      data-render={camera ? render : ''}
      data-resolution={own?.resolution ?? ''}
      data-dropping={own?.dropping ? 'true' : 'false'}
      data-lag={own ? String(Math.round(own.lag)) : ''}
      data-every={camera ? String(every) : ''}
      title={
        camera
          ? [
              t(`render.${render}`),
              own?.codec,
              own?.resolution,
              every > 1 ? t('tile.halfRate') : null,
              own?.dropping ? t('tile.dropping') : null,
            ]
              .filter(Boolean)
              .join(' — ')
          : undefined
      }
      draggable={camera !== undefined}
      onDragStart={(e) => e.dataTransfer.setData(DND_TILE, String(index))}
      onDragOver={(e) => e.preventDefault()}
      onDrop={onDrop}
      onClick={() => select(index)}
      onDoubleClick={() => toggleSolo(index)}
    >
      {camera && cameraId !== null && (
        <VideoSurface
          index={index}
          cameraId={cameraId}
          stream={stream}
          render={render}
          every={every}
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
      {camera && cameraId !== null && <TilePtzLease cameraId={cameraId} />}
      <div className={`tile-badge badge-${view.state}`} data-testid={`tile-${index}-badge`}>
        {label}
      </div>
    </div>
  );
}
