/**
 * The wall page's own small store: what main says the wall shows, and what each tile's player
 * saw. No operator session: the page holds only the wall key's grant.
 */
import { create } from 'zustand';
import type { CameraView, StreamStatus, VideoEndpoint, WallShown } from '../../common/contract';
import type { WallState } from '../../common/wall';
import type { Locale } from '../i18n';
import { playbackChanged, type Playback } from '../features/tiles/tile-state';
import { checkedHook } from '../ui/stable-selector';

/** No key, a key refused, waiting for main, or showing. */
export type WallPhase = 'nokey' | 'refused' | 'opening' | 'open';

export interface WallPageState {
  phase: WallPhase;
  locale: Locale;
  video: VideoEndpoint | null;
  wall: WallState | null;
  cameras: CameraView[];
  statuses: Record<string, StreamStatus>;
  playback: Record<number, Playback>;
  now: number;
  setPhase(phase: WallPhase): void;
  granted(g: {
    video: VideoEndpoint;
    state: WallState | null;
    cameras: CameraView[];
    statuses: StreamStatus[];
  }): void;
  setWall(wall: WallState | null): void;
  setCameras(cameras: CameraView[]): void;
  setStatus(s: StreamStatus): void;
  reportPlayback(index: number, p: Playback): void;
  tick(now: number): void;
}

const store = create<WallPageState>()((set, get) => ({
  phase: 'opening',
  locale: localStorage.getItem('vigie.locale') === 'en' ? 'en' : 'fr',
  video: null,
  wall: null,
  cameras: [],
  statuses: {},
  playback: {},
  now: Date.now(),
  setPhase: (phase) => set({ phase }),
  granted: (g) => {
    const same = get().video?.token === g.video.token && get().video?.url === g.video.url;
    set({
      phase: 'open',
      ...(same ? {} : { video: g.video }),
      wall: g.state,
      cameras: g.cameras,
      statuses: Object.fromEntries(g.statuses.map((s) => [s.key, s])),
    });
  },
  setWall: (wall) => {
    // A stale push (a lower revision) never undoes a newer one.
    const cur = get().wall;
    if (wall && cur && wall.rev < cur.rev) return;
    set({ wall });
  },
  setCameras: (cameras) => set({ cameras }),
  setStatus: (s) => set({ statuses: { ...get().statuses, [s.key]: s } }),
  // Only what the operator would see change re-renders the wall (not every frame of 16 tiles).
  reportPlayback: (index, p) => {
    if (playbackChanged(get().playback[index], p)) set({ playback: { ...get().playback, [index]: p } });
  },
  tick: (now) => set({ now }),
}));

/** The wall page's hook: a selector that builds a fresh value on every call throws (ui/stable-selector.ts). */
export const useWall = checkedHook(store);

export type { WallShown };
