/**
 * The wall link's wire format: a 4-byte big-endian length, then that many bytes of UTF-8 JSON.
 * Frames are bounded: a peer announcing more than MAX_FRAME is cut off before anything is buffered.
 */
export const MAX_FRAME = 64 * 1024;

export function encodeFrame(message: unknown): Buffer {
  const body = Buffer.from(JSON.stringify(message), 'utf8');
  if (body.length > MAX_FRAME) throw new Error(`frame of ${body.length} bytes over ${MAX_FRAME}`);
  const head = Buffer.alloc(4);
  head.writeUInt32BE(body.length, 0);
  return Buffer.concat([head, body]);
}

export type FrameProblem = 'oversized' | 'garbage';

export class FrameError extends Error {
  constructor(readonly problem: FrameProblem) {
    super(`wall link frame refused: ${problem}`);
  }
}

/** Accumulates bytes and yields whole parsed frames; throws FrameError on the first bad one. */
export class FrameReader {
  private buffered: Buffer = Buffer.alloc(0);

  push(chunk: Buffer): unknown[] {
    this.buffered = this.buffered.length ? Buffer.concat([this.buffered, chunk]) : chunk;
    const out: unknown[] = [];
    while (this.buffered.length >= 4) {
      const size = this.buffered.readUInt32BE(0);
      if (size > MAX_FRAME) throw new FrameError('oversized');
      if (this.buffered.length < 4 + size) break;
      const body = this.buffered.subarray(4, 4 + size).toString('utf8');
      this.buffered = this.buffered.subarray(4 + size);
      try {
        out.push(JSON.parse(body));
      } catch {
        throw new FrameError('garbage');
      }
    }
    return out;
  }

  /** Bytes of an incomplete frame still waiting. */
  pending(): number {
    return this.buffered.length;
  }
}
