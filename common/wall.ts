/** The video wall's shapes, shared by main, the console and the wall page. Pure TypeScript. */
import { LAYOUTS } from './contract';

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

/** The console's view of its wall: on this PC, or a rack PC over the pinned TLS link. */
export type WallLink = 'local' | 'connecting' | 'up' | 'down' | 'refused';
