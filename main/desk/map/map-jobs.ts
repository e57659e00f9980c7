/**
 * The map's work on files, run in a worker thread (main/jobs) so that nothing a file holds can stall
 * the thread that fans video out: a plan image is checked whole (image-check.ts), and a tile folder
 * is scanned, each tile read without following links or waiting on pipes, checked, then copied into
 * the data directory. Main only commits the result.
 */
import fs from 'node:fs';
import path from 'node:path';
import { MAP_MAX_IMAGE_PIXELS } from '../../../common/contract';
import { storageErrorCode } from '../../platform/storage/atomic-write';
import type { JobContext } from '../../platform/jobs/job';
import { JobError } from '../../platform/jobs/worker-protocol';
import { checkJpeg, checkPng } from './image-check';
import { readPlanImage, type ImageInfo, type ImageProblem } from './plan-image';
import { readTile, scanTileFolder, type TileProblem, type TileRef } from './tile-folder';

/** A tile is a 256 or 512 pixel square; this leaves room and no more. */
const TILE_MAX_PIXELS = 2048 * 2048;
/** Tiles read, checked and written at once. */
const COPY_LANES = 8;
/** The temporary copy's name, a bare name inside dataDir/map. */
export const TILES_TMP = /^tiles-[a-z0-9]+\.tmp$/;

export type PlanCheck = { ok: true; info: ImageInfo } | { ok: false; problem: ImageProblem };
export type TilesCopy = { ok: true; tiles: TileRef[] } | { ok: false; problem: TileProblem; path: string };

/** The plan's type and size, once the whole file has been decoded (PNG) or walked (JPEG). */
export async function checkPlan(p: { bytes: Uint8Array }): Promise<PlanCheck> {
  const bytes = Buffer.from(p.bytes.buffer, p.bytes.byteOffset, p.bytes.byteLength);
  const sniffed = readPlanImage(bytes);
  if (!sniffed.ok) return sniffed;
  const whole =
    sniffed.info.type === 'png'
      ? await checkPng(bytes, MAP_MAX_IMAGE_PIXELS)
      : checkJpeg(bytes, MAP_MAX_IMAGE_PIXELS);
  return whole.ok ? sniffed : { ok: false, problem: whole.problem };
}

type Refusal = { i: number; problem: TileProblem };
const earliest = (a: Refusal | null, b: Refusal): Refusal => (a && a.i < b.i ? a : b);

/** Copies the folder's tiles into dataDir/map/<dest>; any refusal removes the copy. */
export async function copyTiles(
  p: { folder: string; dest: string },
  ctx: Pick<JobContext, 'dataDir' | 'signal'>,
): Promise<TilesCopy> {
  if (!TILES_TMP.test(p.dest)) throw new JobError('job_failed');
  const scan = scanTileFolder(p.folder);
  if (!scan.ok) return scan;
  const from = path.resolve(p.folder);
  const to = path.join(ctx.dataDir, 'map', p.dest);
  const dirs = new Map<string, Promise<unknown>>();
  /** One tile: read without following links or waiting on pipes, checked whole, written. */
  const copy = async (t: TileRef): Promise<TileProblem | null> => {
    const b = await readTile(from, t);
    if (typeof b === 'string') return b;
    const check = await checkPng(b, TILE_MAX_PIXELS);
    if (!check.ok) return check.problem === 'dimensions' ? 'too_large' : 'damaged';
    const d = path.join(to, String(t.z), String(t.x));
    if (!dirs.has(d)) dirs.set(d, fs.promises.mkdir(d, { recursive: true, mode: 0o700 }));
    await dirs.get(d);
    await fs.promises.writeFile(path.join(d, `${t.y}.png`), b, { mode: 0o600 });
    return null;
  };
  // A few tiles at a time keep libuv's pool busy; the first refusal in folder order is the one told.
  const run: { next: number; refused: Refusal | null } = {
    next: 0,
    refused: null,
  };
  const lane = async (): Promise<void> => {
    while (!run.refused && run.next < scan.tiles.length) {
      if (ctx.signal.aborted) throw new JobError('job_cancelled');
      const i = run.next++;
      const problem = await copy(scan.tiles[i]!);
      if (problem) run.refused = earliest(run.refused, { i, problem });
    }
  };
  try {
    await fs.promises.mkdir(to, { recursive: true, mode: 0o700 });
    await Promise.all(Array.from({ length: COPY_LANES }, lane));
  } catch (e) {
    await fs.promises.rm(to, { recursive: true, force: true });
    if (e instanceof JobError) throw e;
    throw new JobError(storageErrorCode(e));
  }
  const bad = run.refused;
  if (bad) {
    await fs.promises.rm(to, { recursive: true, force: true });
    const t = scan.tiles[bad.i]!;
    return { ok: false, problem: bad.problem, path: `${t.z}/${t.x}/${t.y}.png` };
  }
  return { ok: true, tiles: scan.tiles };
}

/** The map's jobs by name: the post's table (main/app/post-jobs.ts) holds them. */
export const MAP_JOBS = { 'map.checkPlan': { run: checkPlan }, 'map.copyTiles': { run: copyTiles } };
export type MapJobTable = typeof MAP_JOBS;
