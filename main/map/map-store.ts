/**
 * The site map on disk, under dataDir/map: `map.json` names the map in force (a plan image, or a
 * tile folder copied in), written last and atomically, so a failed import leaves the previous map
 * whole. Everything is checked before the first byte is written.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { MapImageType, MapRefPoint, MapView } from '../../common/contract-map';
import { planTransform } from '../../common/map-transform';
import { err, ok, type Result } from '../../common/result';
import { storageErrorCode, writeFileAtomic } from '../config/atomic-write';
import { createLogger } from '../log/logger';
import { readPlanImage } from './plan-image';
import { readTile, scanTileFolder, tileBounds, tileFile } from './tile-folder';

const log = createLogger('map');

/** map.json: the view, and the file or folder (a bare name inside dataDir/map) it comes from. */
interface Stored {
  view: MapView;
  source: string | null;
}

const SOURCE = /^(plan-[a-z0-9]+\.(png|jpeg)|tiles-[a-z0-9]+)$/;

export class MapStore {
  private readonly dir: string;
  private state: Stored = { view: { kind: 'none' }, source: null };

  constructor(dataDir: string) {
    this.dir = path.join(dataDir, 'map');
    this.state = this.load();
  }

  view(): MapView {
    return this.state.view;
  }

  plan(): { type: MapImageType; bytes: Buffer } | null {
    const { view, source } = this.state;
    if (view.kind !== 'plan' || !source) return null;
    try {
      return { type: view.type, bytes: fs.readFileSync(path.join(this.dir, source)) };
    } catch (e) {
      log.warn(`map plan unreadable: ${(e as Error).message}`);
      return null;
    }
  }

  tile(z: number, x: number, y: number): Buffer | null {
    const { view, source } = this.state;
    if (view.kind !== 'tiles' || !source) return null;
    const root = path.join(this.dir, source);
    if (!tileFile(root, z, x, y)) return null;
    const b = readTile(root, { z, x, y, size: 0 });
    return typeof b === 'string' ? null : b;
  }

  importPlan(fileName: string, bytes: Buffer, points: MapRefPoint[]): Result<MapView> {
    if (points.length < 2) return err('map_no_points', { count: points.length });
    const image = readPlanImage(bytes);
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
   * Copies the folder tile by tile into a temporary folder (each read refusing a link swapped in
   * since the scan), yielding to the event loop as it goes so the video fan-out never waits; any
   * refusal removes the copy, and the map in force stays.
   */
  async importTiles(folder: string): Promise<Result<MapView>> {
    const scan = scanTileFolder(folder);
    if (!scan.ok) return err('map_tiles_invalid', { reason: scan.problem, path: scan.path });
    const version = newVersion();
    const source = `tiles-${version}`;
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
    const tmp = path.join(this.dir, `${source}.tmp`);
    const from = path.resolve(folder);
    try {
      fs.mkdirSync(tmp, { recursive: true, mode: 0o700 });
      for (const [i, t] of scan.tiles.entries()) {
        if (i % 32 === 31) await new Promise((r) => setImmediate(r));
        const b = readTile(from, t);
        if (typeof b === 'string') {
          fs.rmSync(tmp, { recursive: true, force: true });
          return err('map_tiles_invalid', { reason: b, path: `${t.z}/${t.x}/${t.y}.png` });
        }
        const d = path.join(tmp, String(t.z), String(t.x));
        fs.mkdirSync(d, { recursive: true, mode: 0o700 });
        fs.writeFileSync(path.join(d, `${t.y}.png`), b, { mode: 0o600 });
      }
    } catch (e) {
      fs.rmSync(tmp, { recursive: true, force: true });
      log.error('map tiles not stored', e);
      return err(storageErrorCode(e));
    }
    return this.commit(view, source, () => fs.renameSync(tmp, path.join(this.dir, source)));
  }

  /** Writes the new source, then map.json; only then is the previous source removed. */
  private commit(view: MapView, source: string, write: () => void): Result<MapView> {
    const previous = this.state.source;
    try {
      write();
      writeFileAtomic(path.join(this.dir, 'map.json'), JSON.stringify({ view, source } satisfies Stored));
    } catch (e) {
      fs.rmSync(path.join(this.dir, source), { recursive: true, force: true });
      fs.rmSync(path.join(this.dir, `${source}.tmp`), { recursive: true, force: true });
      log.error('map import not stored', e);
      return err(storageErrorCode(e));
    }
    this.state = { view, source };
    if (previous && previous !== source)
      fs.rmSync(path.join(this.dir, previous), { recursive: true, force: true });
    return ok(view);
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
