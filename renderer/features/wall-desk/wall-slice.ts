/** The console's control of its wall (on this PC or a rack PC: the same calls). */
import type { WallSettings, WallSettingsView, WallView } from '../../../common/contract';
import type { DisplayCommand } from '../../../common/display';
import type { WallCommand, WallLayoutName } from '../../../common/wall';
import { rpc } from '../../api/bridge';
import type { ConsoleSlice } from '../../console/console-store';

export interface WallSlice {
  wall: WallView | null;
  wallOpen: boolean;
  /** The miniature tile that a typed camera number goes to (null: the console's selected tile). */
  wallSelected: number | null;
  wallSettings: WallSettingsView | null;
  toggleWall(): void;
  loadWall(): Promise<void>;
  applyWallView(v: WallView): void;
  wallApply(cmd: WallCommand): Promise<boolean>;
  /** Selecting a touring tile is working on it: its tour pauses. */
  wallSelect(index: number | null): void;
  pushMosaic(): Promise<void>;
  /** The wall display (power, input, scenario); its failure shows as any error does. */
  wallDisplay(cmd: DisplayCommand): Promise<void>;
  setWallLayout(layout: WallLayoutName): void;
  savePreset(name: string): Promise<boolean>;
  recallPreset(name: string): Promise<void>;
  /** Keyboard shortcut (Alt+N) and the joystick's `wall-preset` N: the n-th preset, 1-based. */
  recallPresetByNumber(n: number): void;
  loadWallSettings(): Promise<void>;
  saveWallSettings(s: WallSettings): Promise<void>;
  resetWall(): void;
}

const initial = () => ({ wall: null, wallOpen: false, wallSelected: null, wallSettings: null });

export const createWallSlice: ConsoleSlice<WallSlice> = (set, get) => ({
  ...initial(),
  toggleWall: () => {
    const open = !get().wallOpen;
    set({ wallOpen: open, wallSelected: null });
    if (open) {
      const perms = get().session?.permissions ?? [];
      if (perms.includes('wall')) void get().loadWall();
      if (perms.includes('settings')) void get().loadWallSettings();
    }
  },
  loadWall: async () => {
    const r = await rpc.wall.get();
    if (r.ok) set({ wall: r.value });
  },
  applyWallView: (v) => {
    const cur = get().wall?.state;
    // A stale push never undoes a newer state.
    if (cur && v.state && v.state.rev < cur.rev && v.link === get().wall?.link) return;
    set({ wall: v });
  },
  wallApply: async (cmd) => {
    const r = await rpc.wall.apply(cmd);
    if (!r.ok) {
      set({ error: r.error });
      return false;
    }
    const wall = get().wall;
    if (wall && (!wall.state || r.value.rev >= wall.state.rev)) set({ wall: { ...wall, state: r.value } });
    return true;
  },
  wallDisplay: async (cmd) => {
    const r = await rpc.wall.display(cmd);
    if (!r.ok) set({ error: r.error });
  },
  wallSelect: (index) => {
    set({ wallSelected: index });
    if (index !== null && get().wall?.state?.tiles[index]?.tour)
      void get().wallApply({ kind: 'hold', index });
  },
  pushMosaic: async () => {
    const { layout, tiles } = get();
    await get().wallApply({
      kind: 'push',
      layout,
      tiles: tiles.map((cameraId) => ({ cameraId, tour: null })),
    });
  },
  setWallLayout: (layout) => void get().wallApply({ kind: 'layout', layout }),
  savePreset: async (name) => {
    const r = await rpc.wall.presetSave({ name });
    if (!r.ok) {
      set({ error: r.error });
      return false;
    }
    set({ wall: r.value, notice: { key: 'wall.presetSaved', params: { name: name.trim() } } });
    return true;
  },
  recallPreset: async (name) => {
    const r = await rpc.wall.presetRecall({ name });
    if (!r.ok) set({ error: r.error });
  },
  recallPresetByNumber: (n) => {
    void (async () => {
      if (!get().wall) await get().loadWall();
      const name = get().wall?.presets[n - 1];
      if (name) await get().recallPreset(name);
      else set({ error: { code: 'wall_preset_unknown', params: { name: String(n) } } });
    })();
  },
  loadWallSettings: async () => {
    const r = await rpc.wall.settingsGet();
    if (r.ok) set({ wallSettings: r.value });
  },
  saveWallSettings: async (s) => {
    const r = await rpc.wall.settingsSet(s);
    if (r.ok) set({ wallSettings: r.value });
    else set({ error: r.error });
  },
  resetWall: () => set(initial()),
});
