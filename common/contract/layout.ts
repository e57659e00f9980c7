/** The console's mosaic (main/video/mosaic): its layout and the camera of each tile, saved for the post. */
import { channel, event } from './spec';

export const LAYOUTS = ['1', '2x2', '3x3', '4x4', '1+5', '1+7'] as const;
export type LayoutName = (typeof LAYOUTS)[number];
export const MAX_TILES = 16;

export interface LayoutState {
  layout: LayoutName;
  /** Always MAX_TILES long; the layout decides how many are visible. */
  tiles: (number | null)[];
  /** Small tiles show every frame too (by default they show one in two). Saved for this post. */
  fullRate?: boolean;
}

export const layoutChannels = {
  'layout:get': channel<undefined, LayoutState>(),
  'layout:set': channel<LayoutState, LayoutState>(),
};

export const layoutEvents = {
  'layout:changed': event<LayoutState>(),
};
