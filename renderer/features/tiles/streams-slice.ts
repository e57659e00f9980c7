import type { StateCreator } from 'zustand';
import type { StreamStatus } from '../../../common/contract';
import type { TileRender, VideoPath } from '../../video/players';
import { api } from '../../api/bridge';
import type { ConsoleState } from '../../console/console-store';
import { playbackChanged } from './tile-state';

/** What the tile's own player saw: the gateway may be playing while this tile is not. */
export interface Playback {
  cameraId: number;
  path: VideoPath;
  render: TileRender;
  lastFrameAt: number | null;
  codec: string | null;
  resolution: string | null;
  /** Age of the last frame shown, from the gateway's send time (ms). */
  lag: number;
  /** The tile dropped frames within the last second to stay within its latency bound. */
  dropping: boolean;
}

export interface StreamsSlice {
  statuses: Record<string, StreamStatus>;
  playback: Record<number, Playback>;
  now: number;
  setStatus(s: StreamStatus): void;
  setStatuses(list: StreamStatus[]): void;
  loadStatuses(): Promise<void>;
  reportPlayback(index: number, p: Playback): void;
  tick(now: number): void;
}

export const createStreamsSlice: StateCreator<ConsoleState, [], [], StreamsSlice> = (set, get) => ({
  statuses: {},
  playback: {},
  now: Date.now(),
  setStatus: (s) => set({ statuses: { ...get().statuses, [s.key]: s } }),
  setStatuses: (list) => set({ statuses: Object.fromEntries(list.map((s) => [s.key, s])) }),
  loadStatuses: async () => {
    const r = await api.invoke('streams:statuses');
    if (r.ok) get().setStatuses(r.value);
  },
  reportPlayback: (index, p) => {
    if (playbackChanged(get().playback[index], p)) set({ playback: { ...get().playback, [index]: p } });
  },
  tick: (now) => set({ now }),
});
