/**
 * One tile, for the console's mosaic and for the wall alike: its camera's picture, its head
 * (number, name, site, clock) and its state badge. It reads no store: each window passes what
 * its own store holds, and the console adds its selection, drag and drop and the PTZ badge.
 */
import { useCallback, useState, type CSSProperties, type HTMLAttributes, type ReactNode } from 'react';
import type { CameraView, StreamStatus, VideoEndpoint } from '../../../common/contract';
import { streamKey } from '../../../common/stream-key';
import { formatTime, translate, type Locale } from '../../i18n';
import { pageOptions } from '../../video/options';
import { chooseRender, webCodecsAvailable, type TileRender, type VideoPath } from '../../video/players';
import { chooseStream } from '../../video/stream-choice';
import { tileState, type Playback, type TileView } from './tile-state';
import { VideoSurface } from './VideoSurface';

/** The console's mosaic (`tile-N`) or the wall (`wall-tile-N`). */
export type TileSurface = 'console' | 'wall';

export interface TileProps {
  surface: TileSurface;
  index: number;
  locale: Locale;
  now: number;
  /** The camera on this tile, if it is one the window knows. */
  camera: CameraView | undefined;
  /** Shown alone or as a layout's large tile: the camera's main stream. */
  large: boolean;
  /** Show one decoded frame in `every`. */
  every: number;
  statuses: Record<string, StreamStatus>;
  playback: Playback | undefined;
  endpoint: VideoEndpoint | null;
  /** A stable function of the window's store. */
  onReport(index: number, p: Playback): void;
  selected?: boolean;
  style?: CSSProperties;
  /** The console's selection and drag and drop; the wall takes no input. */
  handlers?: Pick<
    HTMLAttributes<HTMLDivElement>,
    'onDragStart' | 'onDragOver' | 'onDrop' | 'onClick' | 'onDoubleClick'
  >;
  /** What the window shows over the picture (the console's PTZ lease badge). */
  children?: ReactNode;
}

function initialPath(): VideoPath {
  return pageOptions().video !== 'mpeg1' && webCodecsAvailable() ? 'webcodecs' : 'jsmpeg';
}

/** The badge's words: a stall says since when, an outage says why. */
export function tileLabel(locale: Locale, view: TileView): string {
  const t = (k: Parameters<typeof translate>[1], p?: Record<string, string | number>): string =>
    translate(locale, k, p);
  switch (view.state) {
    case 'empty':
      return t('tile.empty');
    case 'stalled':
      return view.lastFrameAt
        ? t('state.stalled', { time: formatTime(locale, view.lastFrameAt) })
        : t('state.stalledNoTime');
    case 'offline':
    case 'reconnecting':
      return t(`state.${view.state}`) + (view.reason ? ` — ${t(`reason.${view.reason}`)}` : '');
    case 'connecting':
    case 'playing':
      return t(`state.${view.state}`);
    default: {
      const never: never = view.state;
      return never;
    }
  }
}

export function Tile(p: TileProps) {
  const { surface, index, locale, now, camera, every, playback } = p;
  const cameraId = camera?.id ?? null;
  const [fallbackFor, setFallbackFor] = useState<number | null>(null);
  const path: VideoPath = fallbackFor !== null && fallbackFor === cameraId ? 'jsmpeg' : initialPath();
  const render: TileRender = path === 'jsmpeg' ? 'jsmpeg' : chooseRender(pageOptions().render);
  const stream = camera ? chooseStream(camera, p.large) : 'main';
  const key = cameraId === null ? '' : streamKey(cameraId, stream, path === 'webcodecs' ? 'annexb' : 'mpeg1');
  const view = tileState(cameraId, p.statuses[key], playback, now);
  const own = playback?.cameraId === cameraId ? playback : undefined;
  const onFallback = useCallback(() => setFallbackFor(cameraId), [cameraId]);
  const t = (k: Parameters<typeof translate>[1]): string => translate(locale, k);
  const testid = surface === 'wall' ? `wall-tile-${index}` : `tile-${index}`;
  // The wall is a kiosk: no tooltip under its hidden cursor, and an empty tile stays black.
  const title =
    surface === 'console' && camera
      ? [
          t(`render.${render}`),
          own?.codec,
          own?.resolution,
          every > 1 ? t('tile.halfRate') : null,
          own?.keyOnly ? t('tile.keyOnly') : own?.dropping ? t('tile.dropping') : null,
        ]
          .filter(Boolean)
          .join(' — ')
      : undefined;

  return (
    <div
      className={`tile${surface === 'wall' ? ' wall-tile' : ''} state-${view.state}${p.selected ? ' selected' : ''}`}
      style={p.style}
      data-testid={testid}
      data-camera-id={cameraId ?? ''}
      data-state={view.state}
      data-path={camera ? path : ''}
      data-stream={camera ? stream : ''}
      data-render={camera ? render : ''}
      data-resolution={own?.resolution ?? ''}
      data-dropping={own?.dropping ? 'true' : 'false'}
      data-key-only={own?.keyOnly ? 'true' : 'false'}
      data-lag={own ? String(Math.round(own.lag)) : ''}
      data-every={camera ? String(every) : ''}
      data-target={p.selected ? 'true' : undefined}
      title={title}
      draggable={p.handlers?.onDragStart !== undefined && camera !== undefined}
      {...p.handlers}
    >
      {camera && p.endpoint && (
        <VideoSurface
          index={index}
          cameraId={camera.id}
          stream={stream}
          render={render}
          every={every}
          endpoint={p.endpoint}
          onReport={p.onReport}
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
      {p.children}
      {(surface === 'console' || view.state !== 'empty') && (
        <div className={`tile-badge badge-${view.state}`} data-testid={`${testid}-badge`}>
          {tileLabel(locale, view)}
        </div>
      )}
    </div>
  );
}
