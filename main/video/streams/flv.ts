/**
 * Reads ffmpeg's FLV output (`-c:v copy -f flv`) into Annex-B access units. Every FLV tag carries
 * its size, so a unit leaves as soon as ffmpeg has written it: no waiting for the next unit to
 * start, as an elementary-stream splitter must. H.264 only (FLV has no HEVC in ffmpeg 5).
 * Key units get the stream's SPS/PPS in front when they lack them, so the renderer can configure.
 */
import type { AccessUnit } from './annexb';

const START = Buffer.from([0, 0, 0, 1]);
const FLV_HEADER = 9 + 4; // 'FLV' header, then PreviousTagSize0
const TAG_HEADER = 11;
/** A tag larger than this is not video from a camera: the stream is refused as corrupt. */
const MAX_TAG = 4 * 1024 * 1024;

export class FlvError extends Error {}

export class FlvDemuxer {
  private buf: Buffer = Buffer.alloc(0);
  private headerDone = false;
  private paramSets: Buffer | null = null;
  private lengthSize = 4;

  constructor(
    private readonly onUnit: (au: AccessUnit) => void,
    /** The stream's SPS and PPS (Annex-B), as soon as ffmpeg writes them: before the first unit. */
    private readonly onConfig: (paramSets: Buffer) => void = () => undefined,
  ) {}

  push(chunk: Buffer): void {
    this.buf = this.buf.length ? Buffer.concat([this.buf, chunk]) : chunk;
    let off = 0;
    if (!this.headerDone) {
      if (this.buf.length < FLV_HEADER) return;
      if (this.buf.toString('latin1', 0, 3) !== 'FLV') throw new FlvError('not an FLV stream');
      off = this.buf.readUInt32BE(5) + 4;
      this.headerDone = true;
    }
    while (this.buf.length - off >= TAG_HEADER) {
      const type = this.buf[off]! & 0x1f;
      const size = this.buf.readUIntBE(off + 1, 3);
      if (size > MAX_TAG) throw new FlvError(`tag of ${size} bytes`);
      const end = off + TAG_HEADER + size + 4;
      if (this.buf.length < end) break;
      if (type === 9) this.videoTag(this.buf.subarray(off + TAG_HEADER, off + TAG_HEADER + size));
      off = end;
    }
    this.buf = off ? this.buf.subarray(off) : this.buf;
  }

  reset(): void {
    this.buf = Buffer.alloc(0);
    this.headerDone = false;
    this.paramSets = null;
  }

  private videoTag(tag: Buffer): void {
    if (tag.length < 5 || (tag[0]! & 0x0f) !== 7) return; // not AVC
    const key = tag[0]! >> 4 === 1;
    const body = tag.subarray(5);
    if (tag[1] === 0) this.decoderConfig(body);
    else if (tag[1] === 1) this.nalUnits(body, key);
  }

  /** AVCDecoderConfigurationRecord: NAL length size, then SPS and PPS lists. */
  private decoderConfig(rec: Buffer): void {
    if (rec.length < 7) return;
    this.lengthSize = (rec[4]! & 3) + 1;
    const parts: Buffer[] = [];
    let p = 5;
    for (const mask of [0x1f, 0xff]) {
      const count = rec[p]! & mask;
      p++;
      for (let i = 0; i < count && p + 2 <= rec.length; i++) {
        const len = rec.readUInt16BE(p);
        p += 2;
        if (p + len > rec.length) return;
        parts.push(START, rec.subarray(p, p + len));
        p += len;
      }
      if (p >= rec.length) break;
    }
    this.paramSets = parts.length ? Buffer.concat(parts) : null;
    if (this.paramSets) this.onConfig(this.paramSets);
  }

  private nalUnits(body: Buffer, key: boolean): void {
    const nals: Buffer[] = [];
    let hasSps = false;
    let p = 0;
    while (p + this.lengthSize <= body.length) {
      const len = body.readUIntBE(p, this.lengthSize);
      p += this.lengthSize;
      if (len === 0 || p + len > body.length) break;
      const nal = body.subarray(p, p + len);
      if ((nal[0]! & 0x1f) === 7) hasSps = true;
      nals.push(START, nal);
      p += len;
    }
    if (!nals.length) return;
    if (key && !hasSps && this.paramSets) nals.unshift(this.paramSets);
    this.onUnit({ data: Buffer.concat(nals), key });
  }
}
