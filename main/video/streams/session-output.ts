/**
 * Reads one ffmpeg process's stdout for a stream session: access units (FLV for H.264, the
 * elementary-stream splitter otherwise) with the parameter sets ahead of them, or whole MPEG-TS
 * packets for the transcoded baseline. One reader per process: a new process gets a new reader.
 */
import type { VideoFormat } from '../../../common/contract';
import { AnnexBSplitter, type AccessUnit, type ElementaryCodec } from './annexb';
import { FlvDemuxer } from './flv';

const TS_PACKET = 188;

export interface OutputSink {
  /** An access unit (elementary formats). */
  unit(au: AccessUnit): void;
  /** The stream's parameter sets (Annex-B), before its first unit (H.264 over FLV). */
  config(paramSets: Buffer): void;
  /** Whole MPEG-TS packets (the transcoded format): each chunk is a picture's worth or more. */
  packets(data: Buffer): void;
}

export class SessionOutput {
  private readonly framer: { push(chunk: Buffer): void } | null;
  private tsRemainder: Buffer = Buffer.alloc(0);

  constructor(
    format: VideoFormat,
    codec: ElementaryCodec,
    framing: 'flv' | 'split',
    private readonly sink: OutputSink,
  ) {
    const unit = (au: AccessUnit): void => sink.unit(au);
    this.framer =
      format !== 'annexb'
        ? null
        : codec === 'h264' && framing === 'flv'
          ? new FlvDemuxer(unit, (ps) => sink.config(ps))
          : new AnnexBSplitter(codec, unit);
  }

  /** Throws on output that cannot be read (the process is then restarted). */
  push(chunk: Buffer): void {
    if (this.framer) {
      this.framer.push(chunk);
      return;
    }
    // MPEG-TS: hand viewers whole 188-byte packets so a late joiner's demuxer stays aligned.
    const data = this.tsRemainder.length ? Buffer.concat([this.tsRemainder, chunk]) : chunk;
    const usable = data.length - (data.length % TS_PACKET);
    this.tsRemainder = data.subarray(usable);
    if (usable > 0) this.sink.packets(data.subarray(0, usable));
  }
}
