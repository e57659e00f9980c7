/**
 * The wall's state model: pure functions from a state and one command to the next state, or a
 * refusal that changes nothing. Shared by the wall on this PC and the rack PC behind the link.
 */
import { MAX_TILES, WALL_TILES } from '../../../common/contract';
import { err, ok, type Result } from '../../../common/result';
import {
  WALL_LAYOUTS,
  type WallCommand,
  type WallLayoutName,
  type WallState,
  type WallTile,
  type WallTour,
} from '../../../common/wall';
import { cameraId } from '../../platform/ipc/shapes';

/** A tour's bounds: at least two cameras, a dwell an operator can read. */
export const TOUR_MIN_DWELL = 3;
export const TOUR_MAX_DWELL = 3600;
export const TOUR_MAX_CAMERAS = 64;

export function emptyTile(): WallTile {
  return { cameraId: null, by: null, tour: null };
}

export function emptyWall(): WallState {
  return { layout: '4x4', tiles: Array.from({ length: MAX_TILES }, emptyTile), rev: 0 };
}

export function isWallLayout(v: unknown): v is WallLayoutName {
  return typeof v === 'string' && (WALL_LAYOUTS as readonly string[]).includes(v);
}

/** Tiles the layout shows. */
export function visibleTiles(layout: WallLayoutName): number {
  return WALL_TILES[layout];
}

function tourProblem(tour: WallTour, known: (id: number) => boolean): Result<null> {
  if (tour.cameras.length < 2 || tour.cameras.length > TOUR_MAX_CAMERAS) return err('wall_invalid_tour');
  if (!Number.isInteger(tour.dwellSeconds) || tour.dwellSeconds < TOUR_MIN_DWELL)
    return err('wall_invalid_tour');
  if (tour.dwellSeconds > TOUR_MAX_DWELL) return err('wall_invalid_tour');
  const unknown = tour.cameras.find((id) => !known(id));
  return unknown === undefined ? ok(null) : err('wall_unknown_camera', { id: unknown });
}

function tileIndex(index: number): Result<null> {
  return Number.isInteger(index) && index >= 0 && index < MAX_TILES
    ? ok(null)
    : err('invalid_payload', { field: 'index' });
}

/**
 * The next state after `cmd`, put there by `by` (a login). `known` says whether a camera is in
 * the inventory in force. A `hold` changes nothing here (the tour engine pauses that tile).
 */
export function applyCommand(
  state: WallState,
  cmd: WallCommand,
  by: string,
  known: (id: number) => boolean,
): Result<WallState> {
  const next = (tiles: WallTile[], layout: WallLayoutName = state.layout): Result<WallState> =>
    ok({ layout, tiles, rev: state.rev + 1 });
  switch (cmd.kind) {
    case 'layout':
      if (!isWallLayout(cmd.layout)) return err('invalid_payload', { field: 'layout' });
      return next(state.tiles, cmd.layout);
    case 'tile': {
      const bad = tileIndex(cmd.index);
      if (!bad.ok) return bad;
      if (cmd.cameraId !== null && !known(cmd.cameraId))
        return err('wall_unknown_camera', { id: cmd.cameraId });
      const tiles = [...state.tiles];
      // A camera called onto a tile replaces its tour.
      tiles[cmd.index] = cmd.cameraId === null ? emptyTile() : { cameraId: cmd.cameraId, by, tour: null };
      return next(tiles);
    }
    case 'tour': {
      const bad = tileIndex(cmd.index);
      if (!bad.ok) return bad;
      const tiles = [...state.tiles];
      if (cmd.tour === null) {
        tiles[cmd.index] = { ...(tiles[cmd.index] ?? emptyTile()), tour: null };
        return next(tiles);
      }
      const problem = tourProblem(cmd.tour, known);
      if (!problem.ok) return problem;
      tiles[cmd.index] = { cameraId: cmd.tour.cameras[0] ?? null, by, tour: cmd.tour };
      return next(tiles);
    }
    case 'push': {
      if (!isWallLayout(cmd.layout)) return err('invalid_payload', { field: 'layout' });
      if (cmd.tiles.length > MAX_TILES) return err('invalid_payload', { field: 'tiles' });
      const tiles: WallTile[] = [];
      for (let i = 0; i < MAX_TILES; i++) {
        const t = cmd.tiles[i];
        if (!t) {
          tiles.push(emptyTile());
          continue;
        }
        if (t.tour) {
          const problem = tourProblem(t.tour, known);
          if (!problem.ok) return problem;
          tiles.push({ cameraId: t.tour.cameras[0] ?? null, by, tour: t.tour });
        } else if (t.cameraId !== null && known(t.cameraId)) {
          tiles.push({ cameraId: t.cameraId, by, tour: null });
        } else if (t.cameraId !== null) {
          return err('wall_unknown_camera', { id: t.cameraId });
        } else tiles.push(emptyTile());
      }
      return next(tiles, cmd.layout);
    }
    case 'hold': {
      const bad = tileIndex(cmd.index);
      return bad.ok ? ok(state) : bad;
    }
    default: {
      const never: never = cmd;
      return never;
    }
  }
}

/** A tile's camera that left the inventory is emptied (its tour keeps the cameras still known). */
export function reconcileWall(state: WallState, known: (id: number) => boolean): WallState {
  let changed = false;
  const tiles = state.tiles.map((t) => {
    const cams = t.tour?.cameras.filter(known) ?? [];
    const tour = t.tour && cams.length >= 2 ? { ...t.tour, cameras: cams } : null;
    const cameraId = t.cameraId !== null && known(t.cameraId) ? t.cameraId : (tour?.cameras[0] ?? null);
    if (cameraId === t.cameraId && tour?.cameras.length === t.tour?.cameras.length) return t;
    changed = true;
    return cameraId === null ? emptyTile() : { cameraId, by: t.by, tour };
  });
  return changed ? { ...state, tiles, rev: state.rev + 1 } : state;
}

/** Reads a stored state defensively: anything malformed becomes an empty tile, never a throw. */
export function parseWallState(raw: unknown): WallState | null {
  if (raw === null || typeof raw !== 'object') return null;
  const r = raw as { layout?: unknown; tiles?: unknown; rev?: unknown };
  if (!isWallLayout(r.layout) || !Array.isArray(r.tiles)) return null;
  const tiles = Array.from({ length: MAX_TILES }, (_, i) => parseTile((r.tiles as unknown[])[i]));
  const rev = typeof r.rev === 'number' && Number.isSafeInteger(r.rev) && r.rev >= 0 ? r.rev : 0;
  return { layout: r.layout, tiles, rev };
}

/** A camera's number, by the one shape the IPC and the inventory use. */
export const isCameraId = (v: unknown): v is number => cameraId.safeParse(v).success;

export function parseTour(v: unknown): WallTour | null {
  if (v === null || typeof v !== 'object') return null;
  const t = v as { cameras?: unknown; dwellSeconds?: unknown };
  if (!Array.isArray(t.cameras) || !t.cameras.every(isCameraId)) return null;
  if (t.cameras.length < 2 || t.cameras.length > TOUR_MAX_CAMERAS) return null;
  const d = t.dwellSeconds;
  if (typeof d !== 'number' || !Number.isInteger(d) || d < TOUR_MIN_DWELL || d > TOUR_MAX_DWELL) return null;
  return { cameras: [...t.cameras], dwellSeconds: d };
}

function parseTile(v: unknown): WallTile {
  if (v === null || typeof v !== 'object') return emptyTile();
  const t = v as { cameraId?: unknown; by?: unknown; tour?: unknown };
  const cameraId = isCameraId(t.cameraId) ? t.cameraId : null;
  const by = typeof t.by === 'string' && t.by.length <= 40 ? t.by : null;
  const tour = parseTour(t.tour);
  return cameraId === null && !tour
    ? emptyTile()
    : { cameraId: cameraId ?? tour?.cameras[0] ?? null, by, tour };
}
