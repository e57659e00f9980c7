/**
 * A stream session's one state: the life of its ffmpeg process and what the console is shown,
 * as one explicit machine. The displayed status (`shownStatus`) is derived from it, never set.
 *
 *   starting ──picture──────▶ playing ──stall────────▶ stall-killed ──exit──▶ waiting
 *   starting|playing ──codec-switch──▶ respawning ──exit──▶ starting (at once, other muxer or probe)
 *   starting|playing ──exit──▶ waiting (failure classified from ffmpeg's stderr)
 *   waiting ──spawn──▶ starting (shows what waiting showed until a picture arrives)
 *   any ──unsupported──▶ closed, offline (codec)      any ──close──▶ closed
 *
 * Any other event leaves the state as it is; closed is final.
 */
import type { OfflineReason, StreamState } from '../../../common/contract';

/** What a session without a picture shows: first start, retrying after a failure, or given up. */
export type Waiting = 'connecting' | 'reconnecting' | 'offline';

export type SessionState =
  | { name: 'starting'; shows: Waiting; reason: OfflineReason | null }
  | { name: 'playing' }
  | { name: 'stall-killed' }
  | { name: 'respawning'; shows: Waiting; reason: OfflineReason | null }
  | { name: 'waiting'; shows: 'reconnecting' | 'offline'; reason: OfflineReason | null }
  | { name: 'closed'; shows: StreamState; reason: OfflineReason | null };

export type SessionEvent =
  | { type: 'spawn' }
  | { type: 'picture' }
  | { type: 'stall' }
  | { type: 'codec-switch' }
  | { type: 'exit'; offline: boolean; reason: OfflineReason | null }
  | { type: 'unsupported' }
  | { type: 'close' };

export const INITIAL_STATE: SessionState = { name: 'starting', shows: 'connecting', reason: null };

/** The status the console shows for a state. */
export function shownStatus(s: SessionState): { state: StreamState; reason: OfflineReason | null } {
  switch (s.name) {
    case 'playing':
      return { state: 'playing', reason: null };
    case 'stall-killed':
      return { state: 'stalled', reason: null };
    default:
      return { state: s.shows, reason: s.reason };
  }
}

/** True while an ffmpeg process runs for the session and its output is read. */
export function reading(s: SessionState): boolean {
  return s.name === 'starting' || s.name === 'playing';
}

export function nextState(s: SessionState, e: SessionEvent): SessionState {
  if (s.name === 'closed') return s;
  if (e.type === 'close') return { name: 'closed', ...shownAsClosed(s) };
  if (e.type === 'unsupported') return { name: 'closed', shows: 'offline', reason: 'codec' };
  switch (s.name) {
    case 'starting':
    case 'playing':
      if (e.type === 'picture' && s.name === 'starting') return { name: 'playing' };
      if (e.type === 'stall' && s.name === 'playing') return { name: 'stall-killed' };
      if (e.type === 'codec-switch')
        return s.name === 'starting'
          ? { ...s, name: 'respawning' }
          : { name: 'respawning', shows: 'connecting', reason: null };
      if (e.type === 'exit')
        return { name: 'waiting', shows: e.offline ? 'offline' : 'reconnecting', reason: e.reason };
      return s;
    case 'stall-killed':
      return e.type === 'exit'
        ? { name: 'waiting', shows: e.offline ? 'offline' : 'reconnecting', reason: e.reason }
        : s;
    case 'respawning':
      return e.type === 'exit' ? { ...s, name: 'starting' } : s;
    case 'waiting':
      return e.type === 'spawn' ? { ...s, name: 'starting' } : s;
    default: {
      const never: never = s;
      return never;
    }
  }
}

function shownAsClosed(s: SessionState): { shows: StreamState; reason: OfflineReason | null } {
  const shown = shownStatus(s);
  return { shows: shown.state, reason: shown.reason };
}
