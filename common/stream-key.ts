/** The one name of a gateway stream: camera, stream and video format (e.g. `12:sub:annexb`). */
import type { StreamKind, VideoFormat } from './contract';

export function streamKey(cameraId: number, stream: StreamKind, format: VideoFormat): string {
  return `${cameraId}:${stream}:${format}`;
}
