/**
 * A camera's frame rate, read from the stream's own timestamps from its first key frame on.
 * ffmpeg copies the stream without decoding it (`-c:v copy -copyinkf`) and prints one line per
 * packet (the `framecrc` muxer: stream, dts, pts, duration, size, crc, then `F=0x…` when the flags
 * are not exactly "key"). Pure: the probe (check-cameras.ts) feeds it ffmpeg's stdout.
 */

export interface Packet {
  /** Seconds, on the stream's clock (pts, else dts). */
  t: number;
  key: boolean;
}

/** AV_NOPTS_VALUE (INT64_MIN) as framecrc prints it, read as a JavaScript number. */
const NOPTS = -(2 ** 62);

/** Splits framecrc output into packets; `#tb 0: 1/90000` gives the stream's time base. */
export class FramecrcReader {
  private rest = '';
  private timeBase: number | null = null;

  feed(chunk: string): Packet[] {
    const lines = (this.rest + chunk).split('\n');
    this.rest = (lines.pop() ?? '').slice(-4096); // a line is never that long: bound a hostile stream
    const out: Packet[] = [];
    for (const line of lines) {
      const tb = /^#tb 0: (\d+)\/(\d+)/.exec(line);
      if (tb) {
        const [num, den] = [Number(tb[1]), Number(tb[2])];
        this.timeBase = num > 0 && den > 0 ? num / den : null;
        continue;
      }
      if (this.timeBase === null || !line.startsWith('0,')) continue;
      const cells = line.split(',').map((c) => c.trim());
      const dts = Number(cells[1]);
      const pts = Number(cells[2]);
      const ts = Number.isFinite(pts) && pts > NOPTS ? pts : Number.isFinite(dts) && dts > NOPTS ? dts : null;
      if (ts === null) continue;
      const flags = /F=0x([0-9A-Fa-f]+)/.exec(line)?.[1];
      out.push({ t: ts * this.timeBase, key: flags === undefined || (parseInt(flags, 16) & 1) === 1 });
    }
    return out;
  }
}

/** A jump this large between two packets is a discontinuity (a camera restarting its clock). */
const JUMP_S = 5;

/**
 * Frames per second over `windowS` seconds of stream time from the first key frame: (frames − 1)
 * over the span of their timestamps. Packets before the first key frame only prove the stream is
 * alive; a long GOP delays the measurement, it never lowers it.
 */
export class RateMeter {
  private first: number | null = null;
  private min = Infinity;
  private max = -Infinity;
  private frames = 0;
  private last: number | null = null;
  /** Packets seen before the first key frame (the stream is alive, the picture not yet decodable). */
  before = 0;

  constructor(private readonly windowS: number) {}

  get started(): boolean {
    return this.first !== null;
  }

  add(p: Packet): void {
    if (this.last !== null && Math.abs(p.t - this.last) > JUMP_S) this.reset();
    this.last = p.t;
    if (this.first === null) {
      if (!p.key) {
        this.before++;
        return;
      }
      this.first = p.t;
    }
    this.frames++;
    this.min = Math.min(this.min, p.t);
    this.max = Math.max(this.max, p.t);
  }

  private reset(): void {
    this.first = null;
    this.min = Infinity;
    this.max = -Infinity;
    this.frames = 0;
  }

  /** The window is covered: the figure is final. */
  get done(): boolean {
    return this.first !== null && this.max - this.first >= this.windowS;
  }

  /** Frames per second over what was seen from the first key frame, or null with under two frames. */
  fps(): number | null {
    const span = this.max - this.min;
    return this.frames >= 2 && span > 0 ? (this.frames - 1) / span : null;
  }
}
