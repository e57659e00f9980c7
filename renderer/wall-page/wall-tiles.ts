/** The wall's tile rules, shared by the wall page and the console's miniature. */
import type { WallLayoutName } from '../../common/wall';

/** A camera alone, or the large first tile of 1+N, gets its main stream and every frame. */
export function isLargeWallTile(layout: WallLayoutName, index: number): boolean {
  return layout === '1' || (layout.startsWith('1+') && index === 0);
}

/** Small tiles show one frame in two, except on a 2×2 wall (each tile a quarter of the screen). */
export function wallDisplayEvery(layout: WallLayoutName, index: number): number {
  return layout === '2x2' || isLargeWallTile(layout, index) ? 1 : 2;
}
