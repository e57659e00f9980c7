/**
 * The site map's part of the contract (issue 12): the plan or tiles a technician imports, and
 * their bytes handed to the page (which turns them into Blob URLs). The CIC has no internet: nothing
 * here ever names a remote server.
 */
import { channel, event } from './spec';

/** A plan image and tile files: at most this many bytes each (base64 stays under the socket limit). */
export const MAP_MAX_IMAGE_BYTES = 4 * 1024 * 1024;
/** Largest plan side in pixels (a larger picture would not fit a browser's canvas). */
export const MAP_MAX_IMAGE_SIDE = 16_384;
/** Largest plan in pixels (8192 × 8192): main decodes it whole before accepting it, and so does the page. */
export const MAP_MAX_IMAGE_PIXELS = 64 * 1024 * 1024;
export const MAP_MAX_TILE_BYTES = 512 * 1024;
export const MAP_MAX_TILES = 20_000;
/** A whole folder: copied tile by tile, never held in memory at once. */
export const MAP_MAX_TILES_BYTES = 256 * 1024 * 1024;
export const MAP_MAX_ZOOM = 22;

/** One reference point: a pixel of the plan (x right, y down) and where it is on the ground. */
export interface MapRefPoint {
  x: number;
  y: number;
  lat: number;
  lon: number;
}

/** Ground → plan pixel: x = a·lon + b·lat + c, y = d·lon + e·lat + f. */
export interface MapAffine {
  a: number;
  b: number;
  c: number;
  d: number;
  e: number;
  f: number;
}

export type MapImageType = 'png' | 'jpeg';

/** What the page knows of the map in force, without its bytes. */
export type MapView =
  | { kind: 'none' }
  | {
      kind: 'plan';
      /** Changes at every import: the page re-reads the bytes when it changes. */
      version: string;
      fileName: string;
      type: MapImageType;
      width: number;
      height: number;
      points: MapRefPoint[];
      /** Two points: similarity; three: affine. */
      transform: MapAffine;
      importedAt: string;
    }
  | {
      kind: 'tiles';
      version: string;
      minZoom: number;
      maxZoom: number;
      count: number;
      /** Ground covered by the tiles of the lowest zoom: [south, west, north, east]. */
      bounds: [number, number, number, number];
      importedAt: string;
    };

/** A plan image and its reference points (two or three). */
export interface MapPlanInput {
  fileName: string;
  contentBase64: string;
  points: MapRefPoint[];
}

export const mapChannels = {
  'map:get': channel<undefined, MapView>(),
  /** The plan's bytes (base64), or null when the map is not a plan. */
  'map:plan': channel<undefined, { type: MapImageType; contentBase64: string } | null>(),
  /** One tile's bytes (base64), or null where the folder had none. */
  'map:tile': channel<{ z: number; x: number; y: number }, { contentBase64: string } | null>(),
  'map:import-plan': channel<MapPlanInput, MapView>(),
  /** A folder on this post holding `z/x/y.png`. */
  'map:import-tiles': channel<{ folder: string }, MapView>(),
};

export const mapEvents = {
  /** A technician imported a new map: every console re-reads it. */
  'map:changed': event<MapView>(),
};
