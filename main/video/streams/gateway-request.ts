/**
 * What a video upgrade asks for, read and checked before any WebSocket exists: the path, the
 * viewer's token, the camera, the format, the stream and the surface. Whatever fails is refused
 * with a plain HTTP status.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { StreamKind, VideoFormat } from '../../../common/contract';
import type { Camera } from '../cameras/inventory-schema';
import type { RegistryActor } from '../../records/registry/registry';

export interface ViewerIdentity {
  clientId: string;
  actor: RegistryActor | null;
  /** Set for wall pages: their every view is on this surface, whatever the URL says. */
  surface?: string;
}

/** An upgrade that passed every check: who watches what, and where. */
export interface Target {
  token: string;
  identity: ViewerIdentity;
  cam: Camera;
  format: VideoFormat;
  stream: StreamKind;
  surface: string;
}

const SURFACES = new Set(['console-tile', 'console-large', 'wall-tile']);

const STATUS_TEXT: Record<number, string> = { 400: 'Bad Request', 401: 'Unauthorized', 404: 'Not Found' };

/** Refuses an upgrade with a plain HTTP answer: no WebSocket is ever created for it. */
export function refuse(socket: Duplex, status: number): void {
  socket.end(`HTTP/1.1 ${status} ${STATUS_TEXT[status]}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

/** What an upgrade asks for, or the HTTP status refusing it. */
export function parseRequest(
  req: IncomingMessage,
  authorize: (token: string) => ViewerIdentity | null,
  lookupCamera: (id: number) => Camera | undefined,
): Target | number {
  let url: URL;
  try {
    url = new URL(req.url ?? '/', 'ws://127.0.0.1');
  } catch {
    return 400;
  }
  if (url.pathname !== '/video') return 404;
  const token = url.searchParams.get('token') ?? '';
  const identity = authorize(token);
  if (!identity) return 401;
  const cameraId = Number(url.searchParams.get('camera'));
  const formatParam = url.searchParams.get('format');
  const format: VideoFormat | null = formatParam === 'mpeg1' || formatParam === 'annexb' ? formatParam : null;
  const cam = Number.isInteger(cameraId) ? lookupCamera(cameraId) : undefined;
  if (!cam || !format) return 404;
  const stream: StreamKind = url.searchParams.get('stream') === 'main' ? 'main' : 'sub';
  const surfaceParam = url.searchParams.get('surface') ?? 'console-tile';
  return {
    token,
    identity,
    cam,
    format,
    stream: stream === 'sub' && cam.streams.sub ? 'sub' : 'main',
    // Only a wall page's token views on the wall; a console never claims it.
    surface:
      identity.surface ??
      (SURFACES.has(surfaceParam) && surfaceParam !== 'wall-tile' ? surfaceParam : 'console-tile'),
  };
}
