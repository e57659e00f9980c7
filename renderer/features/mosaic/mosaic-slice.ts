import { MAX_TILES, type LayoutName, type LayoutState, WALL_TILES } from '../../../common/contract';
import { rpc } from '../../api/bridge';
import type { ConsoleSlice } from '../../console/console-store';

/** Tiles shown by each layout; the first tile of 1+5 / 1+7 is the large one (the wall's table, one definition). */
export const LAYOUT_TILES: Record<LayoutName, number> = WALL_TILES;

/**
 * The post's saved mosaic: `pending` until main's saved layout arrives after a login. Edits made while it
 * is on its way show at once, then replay on the saved mosaic, which is saved only then: a click
 * right after logging in no longer saves empty tiles over the post's cameras.
 */
export type MosaicSync = 'pending' | 'ready';

type Edit = (s: LayoutState) => LayoutState;

export interface MosaicSlice {
  mosaicSync: MosaicSync;
  layout: LayoutName;
  tiles: (number | null)[];
  selected: number;
  solo: number | null;
  /** This post shows every frame on small tiles too. */
  fullRate: boolean;
  /** The operator's own mosaic, kept while an operation's cameras are shown in its place. */
  ownMosaic: Pick<LayoutState, 'layout' | 'tiles'> | null;
  setFullRate(on: boolean): void;
  applyLayout(state: LayoutState): void;
  loadLayout(): Promise<void>;
  /** After a logout: the next session starts from its own saved mosaic. */
  resetMosaic(): void;
  /** Saves the layout for this post; a refusal shows in the error banner. */
  persistLayout(state: LayoutState): void;
  setLayout(layout: LayoutName): void;
  /** Puts a whole mosaic on the console (an operation's cameras), saved like any other edit. */
  showMosaic(layout: LayoutName, tiles: (number | null)[]): void;
  /** Back to the mosaic the operator had before an operation replaced it ("revenir à ma mosaïque"). */
  restoreMosaic(): void;
  assign(index: number, cameraId: number | null): void;
  swap(a: number, b: number): void;
  select(index: number): void;
  toggleSolo(index: number): void;
}

const EMPTY = (): (number | null)[] => Array.from({ length: MAX_TILES }, () => null);

const initial = () => ({
  mosaicSync: 'pending' as MosaicSync,
  layout: '4x4' as LayoutName,
  tiles: EMPTY(),
  selected: 0,
  solo: null,
  fullRate: false,
  ownMosaic: null,
});

export const createMosaicSlice: ConsoleSlice<MosaicSlice> = (set, get) => {
  /** Edits made while the saved mosaic is pending, in order. */
  let early: Edit[] = [];
  const current = (): LayoutState => {
    const { layout, tiles, fullRate } = get();
    return { layout, tiles, fullRate };
  };
  const edit = (e: Edit): void => {
    get().applyLayout(e(current()));
    if (get().mosaicSync === 'pending') early.push(e);
    else get().persistLayout(current());
  };
  return {
    ...initial(),
    setFullRate: (on) => edit((s) => ({ ...s, fullRate: on })),
    applyLayout: (s) => set({ layout: s.layout, tiles: s.tiles, fullRate: s.fullRate === true }),
    loadLayout: async () => {
      const r = await rpc.layout.get();
      const edits = early;
      early = [];
      if (r.ok) get().applyLayout(edits.reduce((s, e) => e(s), r.value));
      set({ mosaicSync: 'ready' });
      if (edits.length) get().persistLayout(current());
    },
    resetMosaic: () => {
      early = [];
      set(initial());
    },
    persistLayout: (state) => {
      void rpc.layout.set(state).then((r) => {
        if (!r.ok) set({ error: r.error });
      });
    },
    setLayout: (layout) => {
      set({ solo: null, selected: Math.min(get().selected, LAYOUT_TILES[layout] - 1) });
      edit((s) => ({ ...s, layout }));
    },
    showMosaic: (layout, tiles) => {
      // The first replacement keeps the operator's own mosaic; a second one keeps it still.
      const own = get().ownMosaic ?? { layout: get().layout, tiles: get().tiles };
      set({ solo: null, selected: 0, ownMosaic: own });
      edit((s) => ({ ...s, layout, tiles }));
    },
    restoreMosaic: () => {
      const own = get().ownMosaic;
      if (!own) return;
      set({ solo: null, selected: 0, ownMosaic: null });
      edit((s) => ({ ...s, layout: own.layout, tiles: own.tiles }));
    },
    assign: (index, cameraId) => {
      set({ selected: index });
      edit((s) => {
        const tiles = [...s.tiles];
        tiles[index] = cameraId;
        return { ...s, tiles };
      });
    },
    swap: (a, b) => {
      if (a === b) return;
      set({ selected: b });
      edit((s) => {
        const tiles = [...s.tiles];
        [tiles[a], tiles[b]] = [tiles[b] ?? null, tiles[a] ?? null];
        return { ...s, tiles };
      });
    },
    select: (index) => set({ selected: index, wallSelected: null }),
    toggleSolo: (index) => set({ solo: get().solo === null ? index : null, selected: index }),
  };
};
