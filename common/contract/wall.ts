/** The video wall's part of the contract: the console's control, the technician's settings, the wall page. */
import type { DisplayCommand, DisplayInfo } from '../display';
import type { WallCommand, WallLayoutName, WallLink, WallState, WallTour } from '../wall';
import type { CameraView } from './cameras';
import { channel, event } from './spec';
import type { StreamState, StreamStatus, VideoEndpoint } from './streams';

/** Tiles shown by each wall layout; the first tile of 1+N is the large one. */
export const WALL_TILES: Record<WallLayoutName, number> = {
  '1': 1,
  '2x2': 4,
  '3x3': 9,
  '4x4': 16,
  '1+5': 6,
  '1+7': 8,
  '1+12': 13,
};

/** Grid columns of each wall layout, and the span of its large first tile. */
export const WALL_GRID: Record<WallLayoutName, { cols: number; big: number }> = {
  '1': { cols: 1, big: 1 },
  '2x2': { cols: 2, big: 1 },
  '3x3': { cols: 3, big: 1 },
  '4x4': { cols: 4, big: 1 },
  '1+5': { cols: 3, big: 2 },
  '1+7': { cols: 4, big: 3 },
  '1+12': { cols: 4, big: 2 },
};

/** A wall tile as the wall page shows it (the console's tile states); the rack PC's link sends the same. */
export type WallShown = 'empty' | StreamState;

export interface WallPreset {
  name: string;
  layout: WallLayoutName;
  tiles: { cameraId: number | null; tour: WallTour | null }[];
}

/** What a console knows of its wall: its state, its link, what its page shows, the presets. */
export interface WallView {
  state: WallState | null;
  link: WallLink;
  /** One per tile, as reported by the wall page (empty until a page reports). */
  shown: WallShown[];
  presets: string[];
  /** The chosen display is missing: the wall went to a fallback display (Electron). */
  displayMissing: string | null;
  /** The wall display's controls (a Barco…); null when none is configured: no controls show. */
  display: DisplayInfo | null;
}

/** A technician's settings of this post's wall window. */
export interface WallSettings {
  /** Display id or name; null: the first display that is not the console's. */
  display: string | null;
  /** On by default; off only for walls fed through a capture or encoder module. */
  contentProtection: boolean;
}

export interface WallSettingsView extends WallSettings {
  /** Displays Electron sees (empty in the browser host). */
  displays: { id: string; name: string }[];
}

/** What a wall page gets for a valid wall key: its own video token, never an operator's. */
export interface WallDisplayGrant {
  video: VideoEndpoint;
  state: WallState | null;
  cameras: CameraView[];
  statuses: StreamStatus[];
}

export const wallChannels = {
  'wall:get': channel<undefined, WallView>(),
  'wall:apply': channel<WallCommand, WallState>(),
  'wall:preset-save': channel<{ name: string }, WallView>(),
  'wall:preset-recall': channel<{ name: string }, WallState>(),
  'wall:settings-get': channel<undefined, WallSettingsView>(),
  'wall:settings-set': channel<WallSettings, WallSettingsView>(),
  /** The wall page presents the post's wall key. */
  'wall:open': channel<{ key: string }, WallDisplayGrant>(),
  /** The wall page tells what each of its tiles shows. */
  'wall:report': channel<{ shown: WallShown[] }, null>(),
  'wall:display': channel<DisplayCommand, null>(),
};

export const wallEvents = {
  /** To consoles with the `wall` right, and to wall pages. */
  'wall:changed': event<WallView>(),
};
