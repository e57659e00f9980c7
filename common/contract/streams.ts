/** The streams: the video socket's address and each stream's state. Video itself never crosses IPC. */
import { channel, event } from './spec';

export const STREAM_STATES = ['connecting', 'playing', 'stalled', 'reconnecting', 'offline'] as const;
export type StreamState = (typeof STREAM_STATES)[number];
export const OFFLINE_REASONS = ['unreachable', 'auth', 'codec', 'ended', 'error'] as const;
export type OfflineReason = (typeof OFFLINE_REASONS)[number];

export type StreamKind = 'main' | 'sub';
/** annexb: zero-transcode H.264/H.265 access units (WebCodecs); mpeg1: baseline transcode (jsmpeg). */
export type VideoFormat = 'annexb' | 'mpeg1';

export interface StreamStatus {
  key: string;
  cameraId: number;
  stream: StreamKind;
  format: VideoFormat;
  state: StreamState;
  reason: OfflineReason | null;
  /** Epoch ms of the last data received from the camera. */
  lastFrameAt: number | null;
  codec: string | null;
  width: number | null;
  height: number | null;
}

export interface VideoEndpoint {
  url: string;
  token: string;
}

export const streamsChannels = {
  'streams:endpoint': channel<undefined, VideoEndpoint>(),
  'streams:statuses': channel<undefined, StreamStatus[]>(),
};

export const streamsEvents = {
  'streams:status': event<StreamStatus>(),
};
