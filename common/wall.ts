/** The video wall's shapes, shared by main, the console and the wall page. Pure TypeScript. */
import { LAYOUTS } from './contract/layout';

/** The console's layouts, plus 1+12 for large walls. */
export const WALL_LAYOUTS = [...LAYOUTS, '1+12'] as const;
export type WallLayoutName = (typeof WALL_LAYOUTS)[number];

/** A tile cycling through cameras, each shown for `dwellSeconds`. */
export interface WallTour {
  cameras: number[];
  dwellSeconds: number;
}

export interface WallTile {
  cameraId: number | null;
  /** Login of the operator who put the camera there (the wall's viewing sessions name them). */
  by: string | null;
  tour: WallTour | null;
}

export interface WallState {
  layout: WallLayoutName;
  /** Always MAX_TILES long; the layout decides how many show. */
  tiles: WallTile[];
  /** Increases with every change the wall applies. */
  rev: number;
}

/**
 * The console's view of its wall: on this PC, or a rack PC over the pinned TLS link. A refused
 * link names the side whose pin does not match: `refused-by-wall`, the rack PC refused this
 * console's certificate (its `--peer-pin`); `wall-pin-mismatch`, the rack PC's certificate is not
 * the one this console's `--wall-pin` names. `down`: no answer, so nothing is known of the wall.
 */
export type WallLink = 'local' | 'connecting' | 'up' | 'down' | 'refused-by-wall' | 'wall-pin-mismatch';

/** One change to the wall, the same from the console's handlers, a preset, or the rack PC's link. */
export type WallCommand =
  | { kind: 'layout'; layout: WallLayoutName }
  | { kind: 'tile'; index: number; cameraId: number | null }
  /** The whole wall at once: the console's mosaic, or a preset (with its tours). */
  | {
      kind: 'push';
      layout: WallLayoutName;
      tiles: { cameraId: number | null; tour: WallTour | null }[];
    }
  | { kind: 'tour'; index: number; tour: WallTour | null }
  /** An operator works on this tile: its tour pauses, and resumes after the timeout. */
  | { kind: 'hold'; index: number };
