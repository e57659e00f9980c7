/** The video socket's address and per-launch token, fetched once per window. */
import type { VideoEndpoint, VideoFormat, StreamKind } from '../../common/contract';
import { api } from '../api/bridge';

let endpoint: Promise<VideoEndpoint | null> | null = null;

/** The token belongs to the operator's session: a new session fetches a new one. */
export function resetVideoEndpoint(): void {
  endpoint = null;
}

export function videoEndpoint(): Promise<VideoEndpoint | null> {
  endpoint ??= api.invoke('streams:endpoint').then((r) => (r.ok ? r.value : null));
  return endpoint;
}

export function streamUrl(
  e: VideoEndpoint,
  cameraId: number,
  stream: StreamKind,
  format: VideoFormat,
): string {
  const q = new URLSearchParams({ token: e.token, camera: String(cameraId), stream, format });
  return `${e.url}?${q.toString()}`;
}
