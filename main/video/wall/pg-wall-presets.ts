/**
 * The wall presets in the CIC's shared PostgreSQL store, in the order they were first saved. They
 * are read from a copy loaded before the store is handed out and kept live (NOTIFY on each save,
 * all read again after a lost LISTEN connection). A save locks the table, so two posts saving at
 * once never pass the limit together; a name saved again keeps its place.
 */
import type { WallPreset } from '../../../common/contract';
import { err, ok, type Result } from '../../../common/result';
import type { WallState } from '../../../common/wall';
import type { PgRecords } from '../../platform/storage/pg-records';
import { Signal } from '../../platform/signal';
import { MAX_PRESETS, PresetList, parsePreset, presetOf, type WallPresetStore } from './wall-presets';

const TOPIC = 'wall_presets';
export const WALL_PRESETS_SCHEMA = `CREATE TABLE IF NOT EXISTS vigie_wall_presets (
  position integer GENERATED ALWAYS AS IDENTITY, name_key text PRIMARY KEY, preset jsonb NOT NULL)`;

export class PgWallPresets extends PresetList implements WallPresetStore {
  private readonly changed = new Signal<[]>();

  private constructor(private readonly db: PgRecords) {
    super();
  }

  static async open(db: PgRecords): Promise<PgWallPresets> {
    const s = new PgWallPresets(db);
    await db.follow(TOPIC, () => s.reread());
    return s;
  }

  /** Every preset, checked as a file's would be: a row this store could not have written is skipped. */
  private async reread(): Promise<void> {
    const r = await this.db.pool.query<{ preset: unknown }>(
      `SELECT preset FROM vigie_wall_presets ORDER BY position LIMIT ${MAX_PRESETS}`,
    );
    this.presets = r.rows.map((row) => parsePreset(row.preset)).filter((p) => p !== null);
    this.changed.emit();
  }

  async save(rawName: string, wall: WallState): Promise<Result<WallPreset>> {
    const made = presetOf(rawName, wall);
    if (!made.ok) return made;
    const preset = made.value;
    const key = preset.name.toLowerCase();
    const saved = await this.db.tx(
      async (c) => {
        await c.query('LOCK TABLE vigie_wall_presets IN SHARE ROW EXCLUSIVE MODE');
        const n = await c.query<{ n: number; mine: boolean }>(
          'SELECT count(*)::int AS n, bool_or(name_key = $1) AS mine FROM vigie_wall_presets',
          [key],
        );
        if (!n.rows[0]?.mine && (n.rows[0]?.n ?? 0) >= MAX_PRESETS) return false;
        await c.query(
          `INSERT INTO vigie_wall_presets (name_key, preset) VALUES ($1, $2)
          ON CONFLICT (name_key) DO UPDATE SET preset = excluded.preset`,
          [key, JSON.stringify(preset)],
        );
        return true;
      },
      (done) => (done ? [[TOPIC, key]] : []),
    );
    if (!saved) return err('wall_preset_limit', { max: MAX_PRESETS });
    this.presets = this.withPreset(preset);
    return ok(preset);
  }

  onChange(listener: () => void): () => void {
    return this.changed.on(listener);
  }
}
