/**
 * Wire format of the video socket (not IPC: its own loopback WebSocket with a per-launch token).
 * Binary message = 20-byte header + Annex-B access unit:
 *   [0] kind (1 = access unit)  [1] flags (bit 0 = key frame, bit 1 = catch-up: a cached unit
 *       replayed to a new viewer, to decode but not to show; the last one replayed is shown)
 *   [2..3] reserved
 *   [4..11]  float64 BE: wall-clock ms when the gateway received the unit (the decode timestamp)
 *   [12..19] float64 BE: wall-clock ms when the gateway sent it to this viewer (a cached unit
 *            replayed to a new viewer carries its replay time): the renderer's latency bound
 * Text messages are JSON `VideoControl` messages.
 */
export const FRAME_HEADER_BYTES = 20;
export const FRAME_KIND_AU = 1;
export const FLAG_KEY = 1;
export const FLAG_CATCHUP = 2;

export type VideoControl =
  | { type: 'codec'; codec: string; width: number | null; height: number | null }
  /** The stream's parameter sets (Annex-B, base64), before its first key frame: configure now. */
  | { type: 'config'; paramSets: string }
  | { type: 'status'; state: string; reason: string | null };

export interface DecodedFrame {
  key: boolean;
  /** A cached unit replayed to catch up: decoded at once, never dropped as late, not shown. */
  catchUp: boolean;
  timestamp: number;
  sentAt: number;
  data: Uint8Array;
}

export function encodeFrame(
  data: Uint8Array,
  key: boolean,
  timestamp: number,
  sentAt = timestamp,
): Uint8Array {
  const out = new Uint8Array(FRAME_HEADER_BYTES + data.byteLength);
  const view = new DataView(out.buffer);
  out[0] = FRAME_KIND_AU;
  out[1] = key ? FLAG_KEY : 0;
  view.setFloat64(4, timestamp);
  view.setFloat64(12, sentAt);
  out.set(data, FRAME_HEADER_BYTES);
  return out;
}

/**
 * A copy of an encoded frame with a new send time (the original may still be in a socket's
 * queue), marked as a catch-up unit or not.
 */
export function restampFrame(frame: Uint8Array, sentAt: number, catchUp = false): Uint8Array {
  const out = Uint8Array.from(frame);
  new DataView(out.buffer).setFloat64(12, sentAt);
  out[1] = ((out[1] ?? 0) & FLAG_KEY) | (catchUp ? FLAG_CATCHUP : 0);
  return out;
}

export function decodeFrame(buf: ArrayBuffer | Uint8Array): DecodedFrame | null {
  const bytes = buf instanceof Uint8Array ? buf : new Uint8Array(buf);
  if (bytes.byteLength < FRAME_HEADER_BYTES || bytes[0] !== FRAME_KIND_AU) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return {
    key: ((bytes[1] ?? 0) & FLAG_KEY) !== 0,
    catchUp: ((bytes[1] ?? 0) & FLAG_CATCHUP) !== 0,
    timestamp: view.getFloat64(4),
    sentAt: view.getFloat64(12),
    data: bytes.subarray(FRAME_HEADER_BYTES),
  };
}
