/** The mosaic layout and camera assignments of this post, restored at start-up. */
import fs from 'node:fs';
import path from 'node:path';
import { LAYOUTS, MAX_TILES, type LayoutState } from '../../../common/contract';
import { err, ok, type Result } from '../../../common/result';
import { storageErrorCode, writeFileAtomic } from '../../platform/storage/atomic-write';
import { createLogger } from '../../platform/log/logger';
import { Signal } from '../../platform/signal';

const log = createLogger('layout');

export function defaultLayout(cameraIds: readonly number[]): LayoutState {
  return { layout: '4x4', tiles: Array.from({ length: MAX_TILES }, (_, i) => cameraIds[i] ?? null) };
}

/** Drops assignments to cameras that are no longer in the inventory. */
export function reconcile(state: LayoutState, cameraIds: readonly number[]): LayoutState {
  const known = new Set(cameraIds);
  return { ...state, tiles: state.tiles.map((id) => (id !== null && known.has(id) ? id : null)) };
}

export class LayoutStore {
  private readonly file: string;
  private state: LayoutState;
  /** The saved mosaic changed (its cameras are kept flowing by the gateway). */
  readonly changed = new Signal<[]>();

  constructor(dataDir: string, cameraIds: readonly number[]) {
    this.file = path.join(dataDir, 'layout.json');
    this.state = this.read(cameraIds) ?? defaultLayout(cameraIds);
  }

  private read(cameraIds: readonly number[]): LayoutState | null {
    try {
      const raw = JSON.parse(fs.readFileSync(this.file, 'utf8')) as Partial<LayoutState>;
      if (!raw.layout || !(LAYOUTS as readonly string[]).includes(raw.layout) || !Array.isArray(raw.tiles))
        return null;
      const tiles = Array.from({ length: MAX_TILES }, (_, i) => {
        const v = raw.tiles?.[i];
        return typeof v === 'number' ? v : null;
      });
      return reconcile({ layout: raw.layout, tiles, fullRate: raw.fullRate === true }, cameraIds);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT')
        log.warn('saved layout unreadable; using the default', e);
      return null;
    }
  }

  get(): LayoutState {
    return this.state;
  }

  set(next: LayoutState): Result<LayoutState> {
    try {
      writeFileAtomic(this.file, JSON.stringify(next));
    } catch (e) {
      return err(storageErrorCode(e));
    }
    this.state = next;
    this.changed.emit();
    return ok(next);
  }

  /** The inventory changed: keep assignments that still exist; a demo→real switch refills. */
  onInventory(cameraIds: readonly number[], refill: boolean): LayoutState {
    this.state = refill ? defaultLayout(cameraIds) : reconcile(this.state, cameraIds);
    try {
      writeFileAtomic(this.file, JSON.stringify(this.state));
    } catch (e) {
      log.warn('layout not saved', e);
    }
    this.changed.emit();
    return this.state;
  }
}
