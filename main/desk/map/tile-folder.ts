/**
 * A technician's folder of map tiles, `z/x/y.png` and nothing else: every name is a number in its
 * zoom's range, every file a PNG within the size cap, no symbolic link anywhere, nothing read
 * outside the folder. Checked whole before anything is copied, in a worker thread (map-jobs.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  MAP_MAX_TILE_BYTES,
  MAP_MAX_TILES,
  MAP_MAX_TILES_BYTES,
  MAP_MAX_ZOOM,
} from '../../../common/contract';
import type { ErrorReason } from '../../../common/errors';
import { readFileSafe, type SafeReadProblem } from '../../platform/storage/safe-read';
import { isPng } from './plan-image';

export type TileProblem = ErrorReason<'map_tiles_invalid'>;
export type TileFolderResult =
  { ok: true; tiles: TileRef[] } | { ok: false; problem: TileProblem; path: string };
export interface TileRef {
  z: number;
  x: number;
  y: number;
  size: number;
}

const NUM = /^(0|[1-9]\d{0,6})$/;

/** A tile's coordinates if they are whole numbers within the zoom's grid, else null. */
export function tileCoords(z: unknown, x: unknown, y: unknown): { z: number; x: number; y: number } | null {
  const whole = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
  if (!whole(z) || !whole(x) || !whole(y) || z > MAP_MAX_ZOOM) return null;
  const n = 2 ** z;
  return x < n && y < n ? { z, x, y } : null;
}

/** The one file a tile may be read from, inside `root`; null for anything that is not a tile. */
export function tileFile(root: string, z: unknown, x: unknown, y: unknown): string | null {
  const c = tileCoords(z, x, y);
  if (!c) return null;
  const file = path.join(root, String(c.z), String(c.x), `${c.y}.png`);
  return file.startsWith(path.resolve(root) + path.sep) ? file : null;
}

/** `["12", "2071", "1409.png"]` → its coordinates, or null when the names are not a tile's. */
export function parseTilePath(parts: readonly string[]): { z: number; x: number; y: number } | null {
  if (parts.length !== 3) return null;
  const [z, x, file] = parts as [string, string, string];
  if (!NUM.test(z) || !NUM.test(x) || !file.endsWith('.png')) return null;
  const y = file.slice(0, -4);
  if (!NUM.test(y)) return null;
  return tileCoords(Number(z), Number(x), Number(y));
}

export function scanTileFolder(folder: string): TileFolderResult {
  if (!path.isAbsolute(folder)) return { ok: false, problem: 'folder', path: folder };
  const root = path.resolve(folder);
  let st: fs.Stats;
  try {
    st = fs.lstatSync(root);
  } catch {
    return { ok: false, problem: 'folder', path: folder };
  }
  if (st.isSymbolicLink()) return { ok: false, problem: 'symlink', path: folder };
  if (!st.isDirectory()) return { ok: false, problem: 'folder', path: folder };
  const tiles: TileRef[] = [];
  let total = 0;
  const fail = (problem: TileProblem, rel: string[]): TileFolderResult => ({
    ok: false,
    problem,
    path: rel.join('/'),
  });
  const walk = (rel: string[]): TileFolderResult | null => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(path.join(root, ...rel), { withFileTypes: true });
    } catch {
      return fail('folder', rel);
    }
    for (const ent of entries) {
      const here = [...rel, ent.name];
      if (ent.isSymbolicLink()) return fail('symlink', here);
      if (rel.length < 2) {
        if (!ent.isDirectory() || !NUM.test(ent.name)) return fail('shape', here);
        const sub = walk(here);
        if (sub) return sub;
        continue;
      }
      const c = parseTilePath(here);
      if (!c) return fail('shape', here);
      if (!ent.isFile()) return fail('not_file', here); // a pipe, socket or device under a tile's name
      const size = fs.lstatSync(path.join(root, ...here)).size;
      if (size > MAP_MAX_TILE_BYTES) return fail('too_large', here);
      total += size;
      if (total > MAP_MAX_TILES_BYTES) return fail('too_large', here);
      tiles.push({ ...c, size });
      if (tiles.length > MAP_MAX_TILES) return fail('too_many', here);
    }
    return null;
  };
  const bad = walk([]);
  if (bad) return bad;
  if (tiles.length === 0) return { ok: false, problem: 'empty', path: folder };
  return { ok: true, tiles };
}

/** A tile is read within this time, or given up (a stuck share or USB key). */
export const TILE_READ_DEADLINE_MS = 5_000;

const READ_PROBLEM: Record<Exclude<SafeReadProblem, 'too_large'>, TileProblem> = {
  missing: 'unreadable',
  unreadable: 'unreadable',
  symlink: 'symlink',
  not_file: 'not_file',
  timeout: 'timeout',
};

/**
 * Reads one tile of a scanned folder through readFileSafe: a link, a pipe, a socket or a device
 * swapped in since the scan is refused without blocking, and a read that never ends is given up.
 */
export async function readTile(root: string, t: TileRef): Promise<Buffer | TileProblem> {
  const file = tileFile(root, t.z, t.x, t.y);
  if (!file) return 'shape';
  const r = await readFileSafe(file, { maxBytes: MAP_MAX_TILE_BYTES, deadlineMs: TILE_READ_DEADLINE_MS });
  if (!r.ok) return r.problem === 'too_large' ? 'too_large' : READ_PROBLEM[r.problem];
  return isPng(r.bytes) ? r.bytes : 'not_png';
}

/** The ground the tiles of the lowest zoom cover: [south, west, north, east] (Web Mercator). */
export function tileBounds(tiles: readonly TileRef[]): [number, number, number, number] {
  const minZ = Math.min(...tiles.map((t) => t.z));
  const low = tiles.filter((t) => t.z === minZ);
  const n = 2 ** minZ;
  const lon = (x: number): number => (x / n) * 360 - 180;
  const lat = (y: number): number => (Math.atan(Math.sinh(Math.PI * (1 - (2 * y) / n))) * 180) / Math.PI;
  const xs = low.map((t) => t.x);
  const ys = low.map((t) => t.y);
  return [lat(Math.max(...ys) + 1), lon(Math.min(...xs)), lat(Math.min(...ys)), lon(Math.max(...xs) + 1)];
}
