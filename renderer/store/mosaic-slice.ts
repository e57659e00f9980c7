import type { StateCreator } from 'zustand';
import { MAX_TILES, type LayoutName, type LayoutState } from '../../common/contract';
import { WALL_TILES } from '../../common/contract-wall';
import { api } from '../api/bridge';
import type { ConsoleState } from './console-store';

/** Tiles shown by each layout; the first tile of 1+5 / 1+7 is the large one (the wall's table, one definition). */
export const LAYOUT_TILES: Record<LayoutName, number> = WALL_TILES;

export interface MosaicSlice {
  layout: LayoutName;
  tiles: (number | null)[];
  selected: number;
  solo: number | null;
  /** This post shows every frame on small tiles too. */
  fullRate: boolean;
  setFullRate(on: boolean): void;
  applyLayout(state: LayoutState): void;
  loadLayout(): Promise<void>;
  /** Saves the layout for this post; a refusal shows in the error banner. */
  persistLayout(state: LayoutState): void;
  setLayout(layout: LayoutName): void;
  assign(index: number, cameraId: number | null): void;
  swap(a: number, b: number): void;
  select(index: number): void;
  toggleSolo(index: number): void;
}

export const createMosaicSlice: StateCreator<ConsoleState, [], [], MosaicSlice> = (set, get) => {
  const persist = (): void => {
    const { layout, tiles, fullRate, persistLayout } = get();
    persistLayout({ layout, tiles, fullRate });
  };
  return {
    layout: '4x4',
    tiles: Array.from({ length: MAX_TILES }, () => null),
    selected: 0,
    solo: null,
    fullRate: false,
    setFullRate: (on) => {
      set({ fullRate: on });
      persist();
    },
    applyLayout: (s) => set({ layout: s.layout, tiles: s.tiles, fullRate: s.fullRate === true }),
    loadLayout: async () => {
      const r = await api.invoke('layout:get');
      if (r.ok) get().applyLayout(r.value);
    },
    persistLayout: (state) => {
      void api.invoke('layout:set', state).then((r) => {
        if (!r.ok) set({ error: r.error });
      });
    },
    setLayout: (layout) => {
      set({ layout, solo: null, selected: Math.min(get().selected, LAYOUT_TILES[layout] - 1) });
      persist();
    },
    assign: (index, cameraId) => {
      const tiles = [...get().tiles];
      tiles[index] = cameraId;
      set({ tiles, selected: index });
      persist();
    },
    swap: (a, b) => {
      if (a === b) return;
      const tiles = [...get().tiles];
      [tiles[a], tiles[b]] = [tiles[b] ?? null, tiles[a] ?? null];
      set({ tiles, selected: b });
      persist();
    },
    select: (index) => set({ selected: index, wallSelected: null }),
    toggleSolo: (index) => set({ solo: get().solo === null ? index : null, selected: index }),
  };
};
