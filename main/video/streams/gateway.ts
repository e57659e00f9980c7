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
import { sourceFor } from './camera-source';
import { sameSecret } from '../../platform/secret';
import { parseRequest, refuse, type Target, type ViewerIdentity } from './gateway-request';
import { sessionOptions, type SessionOptions } from './session-options';
import { StreamSession, type Viewer } from './stream-session';

const log = createLogger('gateway');

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

/** The close code of a viewer refused because its viewing could not be recorded. */
export const VIEW_REFUSED = 4010;

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
    this.opts = sessionOptions(o);
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
    const target = parseRequest(
      req,
      (token) => this.authorize(token),
      (id) => this.o.lookupCamera(id),
    );
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
    return sameSecret(token, this.token) ? { clientId: 'local', actor: null } : null;
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
