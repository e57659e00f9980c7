/** What ffmpeg reads for one camera stream: its RTSP URL with credentials, or a demo picture. */
import type { StreamKind } from '../../../common/contract';
import type { CredentialStore } from '../cameras/credentials';
import type { Camera } from '../cameras/inventory-schema';
import type { SourceSpec } from './ffmpeg-args';

/** A camera without a sub-stream is shown its main stream; `demoFeed`: the steerable demo's picture. */
export function sourceFor(
  cam: Camera,
  stream: StreamKind,
  credentials: CredentialStore,
  demoFeed?: (cam: Camera) => string | undefined,
): SourceSpec {
  const url = stream === 'sub' && cam.streams.sub ? cam.streams.sub : cam.streams.main;
  if (url.startsWith('demo:')) {
    const feed = demoFeed?.(cam);
    return {
      kind: 'demo',
      cameraId: cam.id,
      label: `${cam.id} ${cam.name.startsWith('DÉMO') ? cam.name : `DÉMO ${cam.name}`}`,
      ...(feed !== undefined && { feed }),
    };
  }
  return { kind: 'rtsp', url: credentials.apply(url, cam.credentialsRef) };
}
