/** A tile never shows a frozen frame as live: gateway status and the tile's own frames must agree. */
import type { OfflineReason, StreamState, StreamStatus } from '../../../common/contract';
import type { TileRender, VideoPath } from '../../video/players';

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
  /** Starved: the tile decodes key frames only for a while, a picture a GOP. */
  keyOnly: boolean;
}

export type TileState = 'empty' | StreamState;

/** No frame drawn for this long while the gateway says "playing": the tile says stalled. */
export const LOCAL_STALL_MS = 2500;

/** A playing tile's report reaches the store at most this often (each store change re-runs every selector). */
export const PLAYBACK_REFRESH_MS = 500;
/** A change of the shown frame's age smaller than this is not worth a re-render. */
const LAG_STEP_MS = 100;

/**
 * Whether a tile's new report changes what the operator sees: its camera, path, codec,
 * resolution or dropping state, a first frame, a lag moved by LAG_STEP_MS, or frames that have
 * advanced by PLAYBACK_REFRESH_MS (so a stall is still noticed within LOCAL_STALL_MS).
 */
export function playbackChanged(prev: Playback | undefined, next: Playback): boolean {
  if (!prev) return true;
  return (
    prev.cameraId !== next.cameraId ||
    prev.path !== next.path ||
    prev.render !== next.render ||
    prev.codec !== next.codec ||
    prev.resolution !== next.resolution ||
    prev.dropping !== next.dropping ||
    prev.keyOnly !== next.keyOnly ||
    (prev.lastFrameAt === null) !== (next.lastFrameAt === null) ||
    Math.abs(next.lag - prev.lag) >= LAG_STEP_MS ||
    (next.lastFrameAt ?? 0) - (prev.lastFrameAt ?? 0) >= PLAYBACK_REFRESH_MS
  );
}

/**
 * When the picture on screen was written, as far as the operator is concerned. A <video> tile's
 * frames are written by its player and then presented by the compositor; on an overloaded post the
 * compositor can fall seconds behind while frames are still written (the soak saw a tile called
 * live with its picture 5 s old). Once the <video> has presented a frame, a presentation more than
 * LOCAL_STALL_MS behind the writes is what the tile is: it shows stalled until pictures reach the
 * screen again. Before any presentation is known (a canvas tile, a hidden page), the writes count.
 */
export function onScreenAt(writtenAt: number | null, presentedAt: number | null): number | null {
  if (writtenAt === null || presentedAt === null) return writtenAt;
  return writtenAt - presentedAt > LOCAL_STALL_MS ? presentedAt : writtenAt;
}

export interface TileView {
  state: TileState;
  reason: OfflineReason | null;
  lastFrameAt: number | null;
}

export function tileState(
  cameraId: number | null,
  status: StreamStatus | undefined,
  playback: Playback | undefined,
  now: number,
): TileView {
  if (cameraId === null) return { state: 'empty', reason: null, lastFrameAt: null };
  const pb = playback && playback.cameraId === cameraId ? playback : undefined;
  const lastFrameAt = pb?.lastFrameAt ?? status?.lastFrameAt ?? null;
  // Switching sub ↔ main stream: the previous stream's live frames stay on screen meanwhile.
  const fresh =
    pb?.lastFrameAt !== undefined && pb.lastFrameAt !== null && now - pb.lastFrameAt < LOCAL_STALL_MS;
  if (!status) return { state: fresh ? 'playing' : 'connecting', reason: null, lastFrameAt };
  switch (status.state) {
    case 'playing':
      if (!pb?.lastFrameAt) return { state: 'connecting', reason: null, lastFrameAt };
      return {
        state: now - pb.lastFrameAt < LOCAL_STALL_MS ? 'playing' : 'stalled',
        reason: null,
        lastFrameAt,
      };
    case 'connecting':
      return { state: fresh ? 'playing' : 'connecting', reason: null, lastFrameAt };
    case 'stalled':
    case 'reconnecting':
    case 'offline':
      return { state: status.state, reason: status.reason, lastFrameAt };
    default: {
      const never: never = status.state;
      return never;
    }
  }
}
