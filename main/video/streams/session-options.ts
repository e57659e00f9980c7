/** What every stream session runs with, and the defaults the gateway fills in for what it is not given. */
import type { RtspTimeoutOption } from './ffmpeg-args';

export interface SessionOptions {
  ffmpegPath: string;
  /** This ffmpeg's name for RTSP's socket timeout (ffmpeg-locate.ts). */
  rtspTimeout: RtspTimeoutOption;
  stallMs: number;
  connectTimeoutMs: number;
  idleMs: number;
  /** Failures in a row before a stream is reported offline rather than reconnecting. */
  offlineAfter: number;
  demoText: boolean;
  /**
   * How H.264 leaves ffmpeg: 'flv' forwards each unit as soon as it is written; 'split' (the
   * elementary stream cut at the next unit's start, one frame later) is kept for the benchmark.
   */
  h264Framing: 'flv' | 'split';
}

function envNumber(name: string): number | undefined {
  const v = process.env[name];
  return v !== undefined && /^\d{1,6}$/.test(v) ? Number(v) : undefined;
}

export function sessionOptions(o: Partial<SessionOptions> & { ffmpegPath: string }): SessionOptions {
  return {
    ffmpegPath: o.ffmpegPath,
    rtspTimeout: o.rtspTimeout ?? '-timeout',
    stallMs: o.stallMs ?? 3000,
    connectTimeoutMs: o.connectTimeoutMs ?? 12_000,
    idleMs: o.idleMs ?? envNumber('VIGIE_STREAM_IDLE_MS') ?? 5000,
    offlineAfter: o.offlineAfter ?? 3,
    demoText: o.demoText ?? true,
    // Benchmark only: VIGIE_H264_FRAMING=split measures the frame the old framing waited for.
    h264Framing: o.h264Framing ?? (process.env.VIGIE_H264_FRAMING === 'split' ? 'split' : 'flv'),
  };
}
