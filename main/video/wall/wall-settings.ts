/**
 * A technician's settings of this post's wall window: the display it goes to (by id or name,
 * remembered) and content protection (on unless the wall is fed through a capture module).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { WallSettings } from '../../../common/contract';
import { err, ok, type Result } from '../../../common/result';
import { storageErrorCode, writeFileAtomic } from '../../platform/storage/atomic-write';
import { createLogger } from '../../platform/log/logger';

const log = createLogger('wall');
export const WALL_SETTINGS_FILE = 'wall-settings.json';
export const DEFAULT_WALL_SETTINGS: WallSettings = { display: null, contentProtection: true };

export function parseWallSettings(raw: unknown): WallSettings {
  const r = (raw ?? {}) as { display?: unknown; contentProtection?: unknown };
  const display =
    typeof r.display === 'string' && r.display.length > 0 && r.display.length <= 120 ? r.display : null;
  // Anything but an explicit false keeps the protection on.
  return { display, contentProtection: r.contentProtection !== false };
}

export class WallSettingsStore {
  private readonly file: string;
  private current: WallSettings;
  private readonly listeners = new Set<(s: WallSettings) => void>();

  constructor(dataDir: string) {
    this.file = path.join(dataDir, WALL_SETTINGS_FILE);
    this.current = this.read();
  }

  private read(): WallSettings {
    try {
      return parseWallSettings(JSON.parse(fs.readFileSync(this.file, 'utf8')));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT')
        log.warn(`wall settings unreadable; defaults used (protection on): ${(e as Error).message}`);
      return DEFAULT_WALL_SETTINGS;
    }
  }

  get(): WallSettings {
    return this.current;
  }

  set(next: WallSettings): Result<WallSettings> {
    const clean = parseWallSettings(next);
    try {
      writeFileAtomic(this.file, JSON.stringify(clean));
    } catch (e) {
      return err(storageErrorCode(e));
    }
    this.current = clean;
    for (const l of this.listeners) l(clean);
    return ok(clean);
  }

  onChange(l: (s: WallSettings) => void): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }
}
