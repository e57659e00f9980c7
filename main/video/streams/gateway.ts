/**
 * The stream gateway: one loopback WebSocket server for all video, guarded by a per-launch
 * token, fanning each camera stream's single ffmpeg session out to every viewer.
 */
import crypto from 'node:crypto';
import http, { type IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { StreamKind, StreamStatus, VideoEndpoint, VideoFormat } from '../../../common/contract';
import { streamKey } from '../../../common/stream-key';
import type { EventSink } from '../../platform/ipc/router';
import { createLogger } from '../../platform/log/logger';
import type { CredentialStore } from '../cameras/credentials';
import type { Camera } from '../cameras/inventory-schema';
import type { RegistryActor } from '../../records/registry/registry';
import type { SourceSpec } from './ffmpeg-args';
import { StreamSession, type SessionOptions, type Viewer } from './stream-session';

const log = createLogger('gateway');

export interface ViewerIdentity {
  clientId: string;
  actor: RegistryActor | null;
  /** Set for wall pages: their every view is on this surface, whatever the URL says. */
  surface?: string;
}

export interface ViewEvent {
  viewId: string;
  identity: ViewerIdentity;
  cameraId: number;
  stream: StreamKind;
  surface: string;
  startedAt: number;
}

export interface GatewayOptions extends Partial<SessionOptions> {
  ffmpegPath: string;
  lookupCamera: (id: number) => Camera | undefined;
  credentials: CredentialStore;
  events: EventSink;
  /** Who may watch: a token maps to a live session. Defaults to the per-launch token alone. */
  authorize?: (token: string) => ViewerIdentity | null;
  /** Every viewing session's start and end (the registry records them). */
  onView?: (phase: 'start' | 'end', v: ViewEvent) => void;
  /** A camera's streams changed (the status history keeps its transitions); must not throw. */
  onCameraStatus?: (cameraId: number, statuses: StreamStatus[]) => void;
  /**
   * Streams kept flowing with no viewer, besides the pinned ones: the most recently viewed, so
   * calling them back shows a current picture at once. Bounded by MAX_KEPT_STREAMS;
   * `--keep-streams` sets it (32 when not given).
   */
  keepStreams?: number;
  /** Demo mode: the steerable demo camera's picture (main/app/demo), in place of its pattern. */
  demoFeed?: (cam: Camera) => string | undefined;
  /**
   * Cameras whose streams flow on with no viewer whatever their recency: the post's mosaic and
   * wall. At most MAX_KEPT_STREAMS of them; call `keptChanged` when the set changes.
   */
  pinned?: () => Iterable<number>;
}

/**
 * At most this many recently viewed streams flow with no viewer, and at most this many pinned
 * cameras (each stream an ffmpeg copy and at most one cached GOP).
 */
export const MAX_KEPT_STREAMS = 64;
export const DEFAULT_KEPT_STREAMS = 32;

function envNumber(name: string): number | undefined {
  const v = process.env[name];
  return v !== undefined && /^\d{1,6}$/.test(v) ? Number(v) : undefined;
}

/** The close code of a viewer refused because its viewing could not be recorded. */
export const VIEW_REFUSED = 4010;

const SURFACES = new Set(['console-tile', 'console-large', 'wall-tile']);

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

interface Target {
  token: string;
  identity: ViewerIdentity;
  cam: Camera;
  format: VideoFormat;
  stream: StreamKind;
  surface: string;
}

const STATUS_TEXT: Record<number, string> = { 400: 'Bad Request', 401: 'Unauthorized', 404: 'Not Found' };

/** Refuses an upgrade with a plain HTTP answer: no WebSocket is ever created for it. */
function refuse(socket: Duplex, status: number): void {
  socket.end(`HTTP/1.1 ${status} ${STATUS_TEXT[status]}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

export class StreamGateway {
  private readonly token = crypto.randomBytes(24).toString('base64url');
  private readonly sessions = new Map<string, StreamSession>();
  private readonly statusMap = new Map<string, StreamStatus>();
  private wss: WebSocketServer | null = null;
  private server: http.Server | null = null;
  private readonly byToken = new Map<string, Set<WebSocket>>();
  private readonly opts: SessionOptions;
  private readonly keep: number;
  private port = 0;

  constructor(private readonly o: GatewayOptions) {
    this.opts = {
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
    const keep = o.keepStreams ?? DEFAULT_KEPT_STREAMS;
    this.keep = Math.max(0, Math.min(MAX_KEPT_STREAMS, Math.floor(keep)));
  }

  /**
   * The gateway owns its HTTP server: a request is checked at the upgrade (path, token, camera,
   * format) and refused with a plain HTTP status before any WebSocket exists.
   */
  async listen(): Promise<VideoEndpoint> {
    const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false, maxPayload: 1024 });
    const server = http.createServer((_req, res) => {
      res.on('error', () => undefined);
      res.writeHead(426, { 'content-type': 'text/plain' }).end('upgrade required');
    });
    server.on('clientError', (_e, socket) => socket.destroy());
    server.on('upgrade', (req, socket, head) => this.onUpgrade(wss, req, socket, head));
    this.wss = wss;
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    server.on('error', (e) => log.error('video server error', e));
    this.port = (server.address() as { port: number }).port;
    log.info(`video socket on 127.0.0.1:${this.port}`);
    return this.endpoint();
  }

  private onUpgrade(wss: WebSocketServer, req: IncomingMessage, socket: Duplex, head: Buffer): void {
    // First of all: a socket error (reset, garbage) ends this socket, never the process.
    socket.on('error', () => socket.destroy());
    const target = this.parseRequest(req);
    if (typeof target === 'number') {
      refuse(socket, target);
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      ws.on('error', (e) => {
        log.debug(`video socket closed on error: ${e.message}`);
        ws.terminate();
      });
      this.onConnection(ws, target);
    });
  }

  /** What an upgrade asks for, or the HTTP status refusing it. */
  private parseRequest(req: IncomingMessage): Target | number {
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'ws://127.0.0.1');
    } catch {
      return 400;
    }
    if (url.pathname !== '/video') return 404;
    const token = url.searchParams.get('token') ?? '';
    const identity = this.authorize(token);
    if (!identity) return 401;
    const cameraId = Number(url.searchParams.get('camera'));
    const formatParam = url.searchParams.get('format');
    const format: VideoFormat | null =
      formatParam === 'mpeg1' || formatParam === 'annexb' ? formatParam : null;
    const cam = Number.isInteger(cameraId) ? this.o.lookupCamera(cameraId) : undefined;
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

  endpoint(): VideoEndpoint {
    return { url: `ws://127.0.0.1:${this.port}/video`, token: this.token };
  }

  statuses(): StreamStatus[] {
    return [...this.statusMap.values()];
  }

  private onConnection(ws: WebSocket, t: Target): void {
    const { token, identity, cam } = t;
    const view: ViewEvent = {
      viewId: crypto.randomUUID(),
      identity,
      cameraId: cam.id,
      stream: t.stream,
      surface: t.surface,
      startedAt: Date.now(),
    };
    // Nothing is shown unrecorded: a start the registry cannot write refuses this viewer.
    try {
      this.o.onView?.('start', view);
    } catch (e) {
      const code = (e as { appCode?: unknown }).appCode;
      ws.close(VIEW_REFUSED, typeof code === 'string' ? code : 'view_not_recorded');
      return;
    }
    const session = this.session(cam, t.stream, t.format);
    const viewer: Viewer = {
      send: (d) => ws.send(d),
      bufferedAmount: () => ws.bufferedAmount,
      close: (code, reason) => ws.close(code, reason),
    };
    const peers = this.byToken.get(token) ?? new Set<WebSocket>();
    peers.add(ws);
    this.byToken.set(token, peers);
    session.addViewer(viewer);
    let ended = false;
    const end = (): void => {
      if (ended) return;
      ended = true;
      peers.delete(ws);
      if (!peers.size) this.byToken.delete(token);
      session.removeViewer(viewer);
      this.o.onView?.('end', view);
    };
    ws.on('close', end);
    ws.on('error', end);
  }

  private authorize(token: string): ViewerIdentity | null {
    if (this.o.authorize) return this.o.authorize(token);
    return sameToken(token, this.token) ? { clientId: 'local', actor: null } : null;
  }

  /** A session ended or locked: its viewers are cut at once. */
  revoke(token: string): void {
    for (const ws of this.byToken.get(token) ?? []) ws.close(4003, 'session ended');
  }

  private session(cam: Camera, stream: StreamKind, format: VideoFormat): StreamSession {
    const key = streamKey(cam.id, stream, format);
    const existing = this.sessions.get(key);
    if (existing) return existing;
    const s = new StreamSession({
      cameraId: cam.id,
      stream,
      format,
      source: sourceFor(cam, stream, this.o.credentials, this.o.demoFeed),
      opts: this.opts,
      onStatus: (st) => {
        this.statusMap.set(st.key, st);
        this.o.events.emit('streams:status', st);
        this.cameraStatus(cam.id);
      },
      onIdle: () => this.trimKept(),
      onClosed: (closed) => {
        if (this.sessions.get(closed.key) === closed) this.sessions.delete(closed.key);
        this.cameraStatus(cam.id);
      },
    });
    this.sessions.set(key, s);
    this.cameraStatus(cam.id);
    this.statusMap.set(key, s.current);
    this.o.events.emit('streams:status', s.current);
    return s;
  }

  /**
   * Streams with no viewer flow on for the pinned cameras and the `keep` most recently viewed
   * others; the rest stop.
   */
  private trimKept(): void {
    const pinned = new Set([...(this.o.pinned?.() ?? [])].slice(0, MAX_KEPT_STREAMS));
    const idle = [...this.sessions.values()]
      .filter((x) => x.idle && !pinned.has(x.cameraId))
      .sort((a, b) => b.viewedAt - a.viewedAt);
    for (const s of idle.slice(this.keep)) s.close('idle');
  }

  /** The pinned cameras changed (the mosaic or the wall): streams no longer kept stop now. */
  keptChanged(): void {
    this.trimKept();
  }

  /** Streams flowing with no viewer now (tests and diagnostics). */
  keptSessions(): number {
    return [...this.sessions.values()].filter((x) => x.idle).length;
  }

  /** The running streams of one camera, for the status history (none: the camera is idle). */
  private cameraStatus(cameraId: number): void {
    if (!this.o.onCameraStatus) return;
    const live = [...this.sessions.values()].filter((x) => x.cameraId === cameraId).map((x) => x.current);
    try {
      this.o.onCameraStatus(cameraId, live);
    } catch (e) {
      log.error('camera status not recorded', e);
    }
  }

  /** After an inventory change: sessions whose camera vanished or whose source changed end. */
  refresh(): void {
    for (const s of [...this.sessions.values()]) {
      const cam = this.o.lookupCamera(s.cameraId);
      const src = cam ? JSON.stringify(sourceFor(cam, s.stream, this.o.credentials, this.o.demoFeed)) : null;
      if (!cam || src !== JSON.stringify(s.source)) s.close('inventory changed');
    }
  }

  activeSessions(): number {
    return this.sessions.size;
  }

  async close(): Promise<void> {
    for (const s of [...this.sessions.values()]) s.close('shutdown');
    for (const ws of this.wss?.clients ?? []) ws.terminate();
    this.wss?.close();
    const server = this.server;
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  }
}
