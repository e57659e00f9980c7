import type { CSSProperties, DragEvent } from 'react';
import { type LayoutName, WALL_GRID } from '../../../common/contract';
import { selectors, useConsole, useT } from '../../console/console-store';
import { DND_CAMERA, DND_TILE } from '../../ui/dnd';
import { pageOptions } from '../../video/options';
import { displayEvery, isLargeTile } from '../../video/stream-choice';
import { TilePtzLease } from '../ptz/PtzLease';
import { Tile } from '../tiles/Tile';
import { LAYOUT_TILES } from './mosaic-slice';
import { gridStyle, tileSpan } from './tile-grid';

/** Grid size of each layout, and the span of its large first tile (the wall's table, one definition). */
const GRID: Record<LayoutName, { cols: number; big: number }> = WALL_GRID;

/** The shared tile, fed from the console's store, with the console's selection and drag and drop. */
function ConsoleTile({ index, style }: { index: number; style?: CSSProperties }) {
  const locale = useConsole(selectors.locale);
  const now = useConsole(selectors.now);
  const layout = useConsole(selectors.layout);
  const solo = useConsole(selectors.solo);
  const cameraId = useConsole((s) => s.tiles[index] ?? null);
  const camera = useConsole((s) =>
    cameraId === null ? undefined : s.cameras.find((c) => c.id === cameraId),
  );
  // The tile a typed number goes to: not while a wall tile is the target (one highlight only).
  const selected = useConsole((s) => s.selected === index && !(s.wallOpen && s.wallSelected !== null));
  const fullRate = useConsole((s) => s.fullRate);
  const statuses = useConsole((s) => s.statuses);
  const playback = useConsole((s) => s.playback[index]);
  const endpoint = useConsole((s) => s.video);
  const { assign, swap, select, toggleSolo, reportPlayback } = useConsole.getState();
  const onDrop = (e: DragEvent): void => {
    e.preventDefault();
    const cam = e.dataTransfer.getData(DND_CAMERA);
    const from = e.dataTransfer.getData(DND_TILE);
    if (cam) assign(index, Number(cam));
    else if (from !== '') swap(Number(from), index);
  };
  return (
    <Tile
      surface="console"
      index={index}
      locale={locale}
      now={now}
      camera={camera}
      large={isLargeTile(layout, index, solo)}
      every={displayEvery(layout, index, solo, fullRate || pageOptions().fullRate)}
      statuses={statuses}
      playback={playback}
      endpoint={endpoint}
      onReport={reportPlayback}
      selected={selected}
      style={style}
      handlers={{
        onDragStart: (e) => e.dataTransfer.setData(DND_TILE, String(index)),
        onDragOver: (e) => e.preventDefault(),
        onDrop,
        onClick: () => select(index),
        onDoubleClick: () => toggleSolo(index),
      }}
    >
      {camera && <TilePtzLease cameraId={camera.id} />}
    </Tile>
  );
}

export function Mosaic() {
  const t = useT();
  const layout = useConsole(selectors.layout);
  const solo = useConsole(selectors.solo);
  const mosaicSync = useConsole(selectors.mosaicSync);
  const { cols, big } = GRID[layout];
  const n = solo === null ? cols : 1;
  const style = gridStyle(n);
  // One list of keyed tiles in every mode: the tile shown alone stays mounted, keeping its
  // picture while it switches to the main stream.
  return (
    <div
      className={`mosaic${solo === null ? '' : ' solo'}`}
      style={style}
      data-testid="mosaic"
      data-layout={layout}
      data-sync={mosaicSync}
      data-solo={solo ?? undefined}
      title={solo === null ? undefined : t('solo.back')}
    >
      {Array.from({ length: LAYOUT_TILES[layout] }, (_, i) =>
        solo === null || solo === i ? (
          <ConsoleTile key={i} index={i} style={solo === null ? tileSpan(i, big) : undefined} />
        ) : null,
      )}
    </div>
  );
}
