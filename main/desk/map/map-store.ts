/**
 * The site map on disk, under dataDir/map: `map.json` names the map in force (a plan image, or a
 * tile folder copied in), written last and atomically, so a failed import leaves the previous map
 * whole. Everything is checked before the first byte is written, and every file is decoded,
 * read or copied off the main thread (map-jobs.ts in a worker on a post, in-line in tests).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import {
  MAP_MAX_IMAGE_BYTES,
  type MapImageType,
  type MapRefPoint,
  type MapView,
} from '../../../common/contract';
import { planTransform } from '../../../common/map-transform';
import { err, ok, type Result } from '../../../common/result';
import { storageErrorCode, writeFileAtomic } from '../../platform/storage/atomic-write';
import { readFileSafe } from '../../platform/storage/safe-read';
import { JobError } from '../../platform/jobs/worker-protocol';
import { createLogger } from '../../platform/log/logger';
import { checkPlan, copyTiles, type PlanCheck, type TilesCopy } from './map-jobs';
import { readTile, tileBounds, tileFile } from './tile-folder';

const log = createLogger('map');

/** map.json: the view, and the file or folder (a bare name inside dataDir/map) it comes from. */
interface Stored {
  view: MapView;
  source: string | null;
}

const SOURCE = /^(plan-[a-z0-9]+\.(png|jpeg)|tiles-[a-z0-9]+)$/;

/** The work on files: worker jobs on a post (map-module.ts), each one `jobs_busy` or ended at its deadline. */
export interface MapWork {
  checkPlan(bytes: Buffer): Promise<Result<PlanCheck>>;
  /** Copies the folder's tiles into dataDir/map/<dest>. */
  copyTiles(folder: string, dest: string): Promise<Result<TilesCopy>>;
}

/** The same work in-line, for tests and tools. */
export function inlineMapWork(dataDir: string): MapWork {
  const coded = async <T>(f: () => Promise<T>): Promise<Result<T>> => {
    try {
      return ok(await f());
    } catch (e) {
      if (e instanceof JobError) return err(e.code, e.params);
      throw e;
    }
  };
  return {
    checkPlan: (bytes) => coded(() => checkPlan({ bytes })),
    copyTiles: (folder, dest) =>
      coded(() => copyTiles({ folder, dest }, { dataDir, signal: new AbortController().signal })),
  };
}

export class MapStore {
  private readonly dir: string;
  private state: Stored = { view: { kind: 'none' }, source: null };
  private readonly work: MapWork;

  constructor(dataDir: string, work?: MapWork) {
    this.dir = path.join(dataDir, 'map');
    this.work = work ?? inlineMapWork(dataDir);
    this.state = this.load();
  }

  view(): MapView {
    return this.state.view;
  }

  /**
   * The plan's bytes. Read like any file someone could have swapped (readFileSafe): a pipe or a link
   * planted in dataDir/map is refused rather than waited on.
   */
  async plan(): Promise<{ type: MapImageType; bytes: Buffer } | null> {
    const { view, source } = this.state;
    if (view.kind !== 'plan' || !source) return null;
    const r = await readFileSafe(path.join(this.dir, source), { maxBytes: MAP_MAX_IMAGE_BYTES });
    if (r.ok) return { type: view.type, bytes: r.bytes };
    log.warn(`map plan unreadable: ${r.problem}`);
    return null;
  }

  async tile(z: number, x: number, y: number): Promise<Buffer | null> {
    const { view, source } = this.state;
    if (view.kind !== 'tiles' || !source) return null;
    const root = path.join(this.dir, source);
    if (!tileFile(root, z, x, y)) return null;
    const b = await readTile(root, { z, x, y, size: 0 });
    return typeof b === 'string' ? null : b;
  }

  /** The map in force's version (answers cached by the handlers are keyed by it). */
  version(): string {
    return this.state.view.kind === 'none' ? 'none' : this.state.view.version;
  }

  async importPlan(fileName: string, bytes: Buffer, points: MapRefPoint[]): Promise<Result<MapView>> {
    if (points.length < 2) return err('map_no_points', { count: points.length });
    const checked = await this.work.checkPlan(bytes);
    if (!checked.ok) return checked;
    const image = checked.value;
    if (!image.ok) return err('map_image_invalid', { reason: image.problem });
    const { type, width, height } = image.info;
    if (points.some((p) => p.x < 0 || p.y < 0 || p.x > width || p.y > height))
      return err('map_points_invalid', { reason: 'outside', width, height });
    const t = planTransform(points);
    if (!t.ok) return err('map_points_invalid', { reason: t.problem });
    const version = newVersion();
    const source = `plan-${version}.${type}`;
    const view: MapView = {
      kind: 'plan',
      version,
      fileName,
      type,
      width,
      height,
      points,
      transform: t.transform,
      importedAt: new Date().toISOString(),
    };
    return this.commit(view, source, () => {
      fs.mkdirSync(this.dir, { recursive: true, mode: 0o700 });
      fs.writeFileSync(path.join(this.dir, source), bytes, { mode: 0o600 });
    });
  }

  /**
   * The folder is scanned, and copied tile by tile into a temporary folder, by copyTiles (a worker on
   * a post): each read refuses a link, pipe or device swapped in since the scan, and each tile is
   * checked whole. Any refusal removes the copy, and the map in force stays.
   */
  async importTiles(folder: string): Promise<Result<MapView>> {
    const version = newVersion();
    const source = `tiles-${version}`;
    const tmp = path.join(this.dir, `${source}.tmp`);
    const copied = await this.work.copyTiles(folder, `${source}.tmp`);
    if (!copied.ok) {
      await this.remove(`${source}.tmp`); // a job ended midway leaves its copy
      return copied;
    }
    const scan = copied.value;
    if (!scan.ok) return err('map_tiles_invalid', { reason: scan.problem, path: scan.path });
    const zooms = scan.tiles.map((t) => t.z);
    const view: MapView = {
      kind: 'tiles',
      version,
      minZoom: Math.min(...zooms),
      maxZoom: Math.max(...zooms),
      count: scan.tiles.length,
      bounds: tileBounds(scan.tiles),
      importedAt: new Date().toISOString(),
    };
    return this.commit(view, source, () => fs.renameSync(tmp, path.join(this.dir, source)));
  }

  /** Writes the new source, then map.json; only then is the previous source removed. */
  private async commit(view: MapView, source: string, write: () => void): Promise<Result<MapView>> {
    const previous = this.state.source;
    try {
      write();
      writeFileAtomic(path.join(this.dir, 'map.json'), JSON.stringify({ view, source } satisfies Stored));
    } catch (e) {
      await this.remove(source);
      await this.remove(`${source}.tmp`);
      log.error('map import not stored', e);
      return err(storageErrorCode(e));
    }
    this.state = { view, source };
    if (previous && previous !== source) await this.remove(previous);
    return ok(view);
  }

  /** Off the event loop: the previous tiles may be 20 000 files. */
  private remove(name: string): Promise<void> {
    return fs.promises
      .rm(path.join(this.dir, name), { recursive: true, force: true })
      .catch((e: unknown) => log.warn(`map: ${name} not removed: ${(e as Error).message}`));
  }

  private load(): Stored {
    const file = path.join(this.dir, 'map.json');
    if (!fs.existsSync(file)) return { view: { kind: 'none' }, source: null };
    try {
      const s = JSON.parse(fs.readFileSync(file, 'utf8')) as Stored;
      const kind = s?.view?.kind;
      if ((kind === 'plan' || kind === 'tiles') && typeof s.source === 'string' && SOURCE.test(s.source))
        return s;
      if (kind === 'none') return { view: { kind: 'none' }, source: null };
    } catch {
      /* fall through */
    }
    log.warn('map.json unreadable: no map until the next import');
    return { view: { kind: 'none' }, source: null };
  }
}

function newVersion(): string {
  return Date.now().toString(36) + crypto.randomBytes(4).toString('hex');
}
