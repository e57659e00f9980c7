/** What a tile's decoder reports, and the messages between the page and the decoding workers. */

export interface TileReport {
  /** When the last frame was shown (null: none yet). */
  at: number | null;
  decoded: number;
  shown: number;
  dropped: number;
  /** Age of the last frame shown, from the gateway's send time, in ms. */
  lag: number;
  dropping: boolean;
  /** Starved: decoding key frames only for a while (decoder-tile.ts). */
  keyOnly: boolean;
  codec: string;
  latency: number[];
  width: number;
  height: number;
}

export type WorkerRequest =
  | {
      op: 'open';
      id: number;
      /** Where the worker shows frames: a transferred canvas, or a page generator's writable. */
      target: { canvas: OffscreenCanvas } | { writable: WritableStream<VideoFrame> };
      url: string;
      bench: boolean;
      every: number;
    }
  | { op: 'rate'; id: number; every: number }
  | { op: 'close'; id: number };

export type WorkerEvent =
  ({ id: number; type: 'frame' } & TileReport) | { id: number; type: 'fallback'; codec: string };
