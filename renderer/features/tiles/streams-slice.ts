import type { StreamStatus, VideoEndpoint } from '../../../common/contract';
import { rpc } from '../../api/bridge';
import type { ConsoleSlice } from '../../console/console-store';
import { playbackChanged, type Playback } from './tile-state';

export interface StreamsSlice {
  /** The video socket and this session's token: none until the session's first load. */
  video: VideoEndpoint | null;
  statuses: Record<string, StreamStatus>;
  playback: Record<number, Playback>;
  now: number;
  setStatus(s: StreamStatus): void;
  setStatuses(list: StreamStatus[]): void;
  loadStatuses(): Promise<void>;
  loadVideoEndpoint(): Promise<void>;
  reportPlayback(index: number, p: Playback): void;
  tick(now: number): void;
  resetStreams(): void;
}

export const createStreamsSlice: ConsoleSlice<StreamsSlice> = (set, get) => ({
  video: null,
  statuses: {},
  playback: {},
  now: Date.now(),
  setStatus: (s) => set({ statuses: { ...get().statuses, [s.key]: s } }),
  setStatuses: (list) => set({ statuses: Object.fromEntries(list.map((s) => [s.key, s])) }),
  loadStatuses: async () => {
    const r = await rpc.streams.statuses();
    if (r.ok) get().setStatuses(r.value);
  },
  loadVideoEndpoint: async () => {
    const r = await rpc.streams.endpoint();
    const video = r.ok ? r.value : null;
    const cur = get().video;
    // The same socket and token: keep the reference, so that no player restarts.
    if (!cur || !video || cur.url !== video.url || cur.token !== video.token) set({ video });
  },
  reportPlayback: (index, p) => {
    if (playbackChanged(get().playback[index], p)) set({ playback: { ...get().playback, [index]: p } });
  },
  tick: (now) => set({ now }),
  resetStreams: () => set({ video: null, statuses: {}, playback: {} }),
});
