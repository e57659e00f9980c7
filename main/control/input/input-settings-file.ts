/**
 * The post's input settings (dead zone, curve, inversion, button mapping), kept in
 * `input-settings.json` in the data directory. A malformed file is named in the log and the
 * defaults apply: a bad file never stops the post, and is only replaced by a valid save.
 */
import fs from 'node:fs';
import path from 'node:path';
import { err, ok, type Result } from '../../../common/result';
import { storageErrorCode, writeFileAtomic } from '../../platform/storage/atomic-write';
import { DEFAULT_INPUT_SETTINGS, parseInputSettings, type InputSettings } from '.';
import { createLogger } from '../../platform/log/logger';

const log = createLogger('ptz');
export const INPUT_SETTINGS_FILE = 'input-settings.json';

export class InputSettingsFile {
  value: InputSettings = DEFAULT_INPUT_SETTINGS;
  private readonly file: string;

  constructor(dataDir: string) {
    this.file = path.join(dataDir, INPUT_SETTINGS_FILE);
    if (!fs.existsSync(this.file)) return;
    let raw: unknown;
    try {
      raw = JSON.parse(fs.readFileSync(this.file, 'utf8'));
    } catch {
      log.error(`${INPUT_SETTINGS_FILE} unreadable (not JSON): default input settings apply`);
      return;
    }
    const r = parseInputSettings(raw);
    if (r.ok) this.value = r.value;
    else
      log.error(`${INPUT_SETTINGS_FILE} refused (${r.issues[0]?.path ?? ''}): default input settings apply`);
  }

  save(s: InputSettings): Result<InputSettings> {
    const r = parseInputSettings(s);
    if (!r.ok) return err('invalid_payload', { field: r.issues[0]?.path ?? '' });
    try {
      writeFileAtomic(this.file, JSON.stringify(r.value, null, 2));
    } catch (e) {
      return err(storageErrorCode(e));
    }
    this.value = r.value;
    return ok(r.value);
  }
}
