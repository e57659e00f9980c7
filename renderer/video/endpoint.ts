/** The address of one camera stream on the video socket, with the window's token. */
import type { VideoEndpoint, VideoFormat, StreamKind } from '../../common/contract';

export function streamUrl(
  e: VideoEndpoint,
  cameraId: number,
  stream: StreamKind,
  format: VideoFormat,
): string {
  const q = new URLSearchParams({ token: e.token, camera: String(cameraId), stream, format });
  return `${e.url}?${q.toString()}`;
}
