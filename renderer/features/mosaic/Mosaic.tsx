import type { CSSProperties } from 'react';
import type { LayoutName } from '../../../common/contract';
import { WALL_GRID } from '../../../common/contract-wall';
import { selectors, useConsole, useT } from '../../console/console-store';
import { LAYOUT_TILES } from './mosaic-slice';
import { Tile } from '../tiles/Tile';

/** Grid size of each layout, and the span of its large first tile (the wall's table, one definition). */
const GRID: Record<LayoutName, { cols: number; big: number }> = WALL_GRID;

export function Mosaic() {
  const t = useT();
  const layout = useConsole(selectors.layout);
  const solo = useConsole(selectors.solo);
  const mosaicSync = useConsole(selectors.mosaicSync);
  const { cols, big } = GRID[layout];
  const n = solo === null ? cols : 1;
  const style: CSSProperties = {
    gridTemplateColumns: `repeat(${n}, 1fr)`,
    gridTemplateRows: `repeat(${n}, 1fr)`,
  };
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
          <Tile
            key={i}
            index={i}
            style={
              solo === null && i === 0 && big > 1
                ? { gridColumn: `span ${big}`, gridRow: `span ${big}` }
                : undefined
            }
          />
        ) : null,
      )}
    </div>
  );
}
