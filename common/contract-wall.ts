/**
 * The video wall's part of the contract: its invokes (`wall:*`) and its push, merged into
 * common/contract.ts. Types only from there, so that the two modules never load each other.
 */
import type { DisplayCommand, DisplayInfo } from './display';
import type { CameraView, StreamState, StreamStatus, VideoEndpoint } from './contract';
import type { WallCommand, WallLayoutName, WallLink, WallState, WallTour } from './wall';

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

/** A wall tile as the wall page shows it (the console's tile states). */
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

export interface WallRequestMap {
  'wall:get': undefined;
  'wall:apply': WallCommand;
  'wall:preset-save': { name: string };
  'wall:preset-recall': { name: string };
  'wall:settings-get': undefined;
  'wall:settings-set': WallSettings;
  'wall:open': { key: string };
  'wall:report': { shown: WallShown[] };
  'wall:display': DisplayCommand;
}

export interface WallResponseMap {
  'wall:get': WallView;
  'wall:apply': WallState;
  'wall:preset-save': WallView;
  'wall:preset-recall': WallState;
  'wall:settings-get': WallSettingsView;
  'wall:settings-set': WallSettingsView;
  'wall:open': WallDisplayGrant;
  'wall:report': null;
  'wall:display': null;
}

export const WALL_CHANNEL_SET: { [C in keyof WallRequestMap]: true } = {
  'wall:get': true,
  'wall:apply': true,
  'wall:preset-save': true,
  'wall:preset-recall': true,
  'wall:settings-get': true,
  'wall:settings-set': true,
  'wall:open': true,
  'wall:report': true,
  'wall:display': true,
};

export interface WallEventMap {
  /** To consoles with the `wall` right, and to wall pages. */
  'wall:changed': WallView;
}
export const WALL_EVENT_SET: { [E in keyof WallEventMap]: true } = { 'wall:changed': true };
