/**
 * Named wall presets ("Salle de crise", "Match au stade"), stored in `wall-presets.json` in the
 * data directory. A malformed file never stops the post: its valid presets are kept, and before
 * the first save over an unreadable file that file is set aside, never silently overwritten.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { WallPreset } from '../../../common/contract';
import { err, ok, type Result } from '../../../common/result';
import { textProblem } from '../../../common/text';
import type { WallState } from '../../../common/wall';
import type { Awaitable } from '../../platform/storage/awaitable';
import { storageErrorCode, writeFileAtomic } from '../../platform/storage/atomic-write';
import { createLogger } from '../../platform/log/logger';
import { isCameraId, isWallLayout, parseTour } from './wall-state';

const log = createLogger('wall');

export const MAX_PRESETS = 64;
export const PRESET_FILE = 'wall-presets.json';
const MAX_FILE_BYTES = 1024 * 1024;

/** A preset's name as the operator typed it, trimmed; null if it cannot be one (the text rule, a length). */
export function presetName(raw: string): string | null {
  if (textProblem(raw)) return null;
  const name = raw.trim().replace(/ +/g, ' ');
  return name.length < 1 || name.length > 60 ? null : name;
}

export function parsePreset(v: unknown): WallPreset | null {
  if (v === null || typeof v !== 'object') return null;
  const p = v as { name?: unknown; layout?: unknown; tiles?: unknown };
  const name = typeof p.name === 'string' ? presetName(p.name) : null;
  if (!name || !isWallLayout(p.layout) || !Array.isArray(p.tiles) || p.tiles.length > 16) return null;
  const tiles = (p.tiles as unknown[]).map((t) => {
    const tile = (t ?? {}) as { cameraId?: unknown; tour?: unknown };
    const id = tile.cameraId;
    const cameraId = isCameraId(id) ? id : null;
    return { cameraId, tour: parseTour(tile.tour) };
  });
  return { name, layout: p.layout, tiles };
}

/**
 * Where the wall's presets are kept: a JSON file in the post's folder, or the CIC's shared
 * PostgreSQL (pg-wall-presets.ts), read from a copy kept live by LISTEN/NOTIFY; its saves answer
 * with a promise.
 */
export interface WallPresetStore {
  names(): string[];
  get(name: string): WallPreset | undefined;
  /** The n-th preset (1-based), for joystick buttons. */
  byNumber(n: number): WallPreset | undefined;
  save(rawName: string, wall: WallState): Awaitable<Result<WallPreset>>;
  /** Another post saved a preset (shared store only). */
  onChange?(listener: () => void): () => void;
}

/** The preset `wall` makes under `rawName`, or why it cannot be one. */
export function presetOf(rawName: string, wall: WallState): Result<WallPreset> {
  const name = presetName(rawName);
  if (!name) return err('wall_preset_name');
  return ok({
    name,
    layout: wall.layout,
    tiles: wall.tiles.map((t) => ({ cameraId: t.cameraId, tour: t.tour })),
  });
}

/** The presets in the order shown, as both stores answer reads from them (the file, PostgreSQL). */
export abstract class PresetList {
  protected presets: WallPreset[] = [];

  names(): string[] {
    return this.presets.map((p) => p.name);
  }

  get(name: string): WallPreset | undefined {
    const key = name.trim().toLowerCase();
    return this.presets.find((p) => p.name.toLowerCase() === key);
  }

  /** The n-th preset (1-based, in the order shown): a keyboard shortcut or a joystick button. */
  byNumber(n: number): WallPreset | undefined {
    return Number.isInteger(n) && n >= 1 ? this.presets[n - 1] : undefined;
  }

  /** The list with `preset` in place of the one of its name, which keeps its place, or added last. */
  protected withPreset(preset: WallPreset): WallPreset[] {
    const key = preset.name.toLowerCase();
    const i = this.presets.findIndex((p) => p.name.toLowerCase() === key);
    return i < 0 ? [...this.presets, preset] : this.presets.map((p, j) => (j === i ? preset : p));
  }
}

export class WallPresets extends PresetList implements WallPresetStore {
  private readonly file: string;
  /** The file could not be read as presets: it is set aside before anything is written over it. */
  private unreadable = false;

  constructor(dataDir: string) {
    super();
    this.file = path.join(dataDir, PRESET_FILE);
    this.load();
  }

  private load(): void {
    let raw: unknown;
    try {
      const st = fs.statSync(this.file);
      if (st.size > MAX_FILE_BYTES) throw new Error(`too large (${st.size} bytes)`);
      raw = JSON.parse(fs.readFileSync(this.file, 'utf8'));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
      log.warn(`wall presets unreadable, none loaded: ${(e as Error).message}`);
      this.unreadable = true;
      return;
    }
    const list = (raw as { presets?: unknown } | null)?.presets;
    if (!Array.isArray(list)) {
      log.warn('wall presets file has no preset list; none loaded');
      this.unreadable = true;
      return;
    }
    const seen = new Set<string>();
    for (const entry of list.slice(0, MAX_PRESETS)) {
      const p = parsePreset(entry);
      if (!p || seen.has(p.name.toLowerCase())) {
        log.warn('a malformed wall preset was skipped');
        this.unreadable = true;
        continue;
      }
      seen.add(p.name.toLowerCase());
      this.presets.push(p);
    }
  }

  /** Saves the wall as it is under `name` (replacing a preset of the same name). */
  save(rawName: string, wall: WallState): Result<WallPreset> {
    const made = presetOf(rawName, wall);
    if (!made.ok) return made;
    const preset = made.value;
    if (!this.get(preset.name) && this.presets.length >= MAX_PRESETS)
      return err('wall_preset_limit', { max: MAX_PRESETS });
    const next = this.withPreset(preset);
    try {
      if (this.unreadable) {
        const aside = `${this.file}.unreadable-${Date.now()}`;
        try {
          fs.renameSync(this.file, aside);
          log.warn(`unreadable wall presets kept as ${path.basename(aside)}`);
        } catch (e) {
          if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
        }
        this.unreadable = false;
      }
      writeFileAtomic(this.file, JSON.stringify({ presets: next }, null, 1));
    } catch (e) {
      return err(storageErrorCode(e));
    }
    this.presets = next;
    return ok(preset);
  }
}
