/** The wall: its layout of up to 16 tiles, no controls, the cursor hidden once the mouse is idle. */
import { useEffect, useState, type CSSProperties } from 'react';
import { WALL_GRID, WALL_TILES } from '../../common/contract';
import { Tile } from '../features/tiles/Tile';
import { translate } from '../i18n';
import { isLargeWallTile, wallDisplayEvery } from './wall-tiles';
import { useWall } from './wall-store';
import { gridStyle, tileSpan } from '../features/mosaic/tile-grid';

const IDLE_CURSOR_MS = 3000;

/** The shared tile, fed from the wall page's own store. */
function WallTile({ index, style }: { index: number; style?: CSSProperties }) {
  const locale = useWall((s) => s.locale);
  const layout = useWall((s) => s.wall?.layout ?? '4x4');
  const cameraId = useWall((s) => s.wall?.tiles[index]?.cameraId ?? null);
  const camera = useWall((s) => (cameraId === null ? undefined : s.cameras.find((c) => c.id === cameraId)));
  const endpoint = useWall((s) => s.video);
  const now = useWall((s) => s.now);
  const statuses = useWall((s) => s.statuses);
  const playback = useWall((s) => s.playback[index]);
  const reportPlayback = useWall((s) => s.reportPlayback);
  return (
    <Tile
      surface="wall"
      index={index}
      locale={locale}
      now={now}
      camera={camera}
      large={isLargeWallTile(layout, index)}
      every={wallDisplayEvery(layout, index)}
      statuses={statuses}
      playback={playback}
      endpoint={endpoint}
      onReport={reportPlayback}
      style={style}
    />
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
  const style = gridStyle(cols);
  return (
    <div className={`wall-page${idle ? ' idle' : ''}`} data-testid="wall-page" data-phase={phase}>
      <div className="mosaic wall-mosaic" style={style} data-testid="wall-mosaic" data-layout={layout}>
        {Array.from({ length: WALL_TILES[layout] }, (_, i) => (
          <WallTile key={i} index={i} style={tileSpan(i, big)} />
        ))}
      </div>
    </div>
  );
}
