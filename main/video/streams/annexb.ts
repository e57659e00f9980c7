/**
 * Splits an Annex-B elementary stream (ffmpeg `-c:v copy -f h264|hevc`) into access units.
 * A unit starts at an AUD, at parameter sets/SEI following a picture, or at the first slice of
 * a new picture. A unit is emitted when the next one starts (exact, at one frame of latency).
 * Used for HEVC and for the benchmark's split framing; H.264 goes through FLV (flv.ts), unit by unit.
 */
export type ElementaryCodec = 'h264' | 'hevc';

export interface AccessUnit {
  data: Buffer;
  key: boolean;
}

interface NalInfo {
  startsUnit: boolean;
  vcl: boolean;
  key: boolean;
}

export function classifyNal(codec: ElementaryCodec, nal: Buffer, at: number, hasVcl: boolean): NalInfo {
  const b0 = nal[at] ?? 0;
  if (codec === 'h264') {
    const type = b0 & 0x1f;
    if (type === 9) return { startsUnit: true, vcl: false, key: false };
    if (type >= 1 && type <= 5) {
      // first_mb_in_slice == 0 is ue(v) '1': the top bit of the first slice-header byte.
      const firstSlice = ((nal[at + 1] ?? 0) & 0x80) !== 0;
      return { startsUnit: hasVcl && firstSlice, vcl: true, key: type === 5 };
    }
    const prefix = type === 6 || type === 7 || type === 8 || (type >= 14 && type <= 18);
    return { startsUnit: hasVcl && prefix, vcl: false, key: false };
  }
  const type = (b0 >> 1) & 0x3f;
  if (type === 35) return { startsUnit: true, vcl: false, key: false };
  if (type <= 31) {
    const firstSlice = ((nal[at + 2] ?? 0) & 0x80) !== 0;
    return { startsUnit: hasVcl && firstSlice, vcl: true, key: type >= 16 && type <= 21 };
  }
  const prefix = type === 32 || type === 33 || type === 34 || type === 39 || (type >= 41 && type <= 44);
  return { startsUnit: hasVcl && prefix, vcl: false, key: false };
}

export class AnnexBSplitter {
  private buf: Buffer = Buffer.alloc(0);
  private scan = 0;
  private hasVcl = false;
  private key = false;

  constructor(
    private readonly codec: ElementaryCodec,
    private readonly onUnit: (au: AccessUnit) => void,
  ) {}

  push(chunk: Buffer): void {
    this.buf = this.buf.length ? Buffer.concat([this.buf, chunk]) : chunk;
    const buf = this.buf;
    // Need 3 bytes of start code + 3 of NAL header/slice header to classify.
    let i = Math.max(this.scan, 0);
    let cut = 0;
    while (i + 5 < buf.length) {
      if (buf[i + 2]! > 1) {
        i += 3;
        continue;
      }
      if (buf[i] === 0 && buf[i + 1] === 0 && buf[i + 2] === 1) {
        const start = i > 0 && buf[i - 1] === 0 ? i - 1 : i;
        const info = classifyNal(this.codec, buf, i + 3, this.hasVcl);
        if (info.startsUnit && start > cut) {
          this.onUnit({ data: buf.subarray(cut, start), key: this.key });
          cut = start;
          this.hasVcl = false;
          this.key = false;
        }
        if (info.vcl) this.hasVcl = true;
        if (info.key) this.key = true;
        i += 3;
      } else i++;
    }
    this.buf = cut ? buf.subarray(cut) : buf;
    this.scan = i - cut;
  }

  /** Emits what is pending (at end of stream). */
  flush(): void {
    if (this.hasVcl && this.buf.length) this.onUnit({ data: this.buf, key: this.key });
    this.reset();
  }

  reset(): void {
    this.buf = Buffer.alloc(0);
    this.scan = 0;
    this.hasVcl = false;
    this.key = false;
  }
}
