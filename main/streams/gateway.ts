/**
 * The stream gateway: one loopback WebSocket server for all video, guarded by a per-launch
 * token, fanning each camera stream's single ffmpeg session out to every viewer.
 */
import crypto from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';
import type { StreamKind, StreamStatus, VideoEndpoint, VideoFormat } from '../../common/contract';
import { streamKey } from '../../common/stream-key';
import type { EventSink } from '../ipc/router';
import { createLogger } from '../log/logger';
import type { CredentialStore } from '../cameras/credentials';
import type { Camera } from '../cameras/inventory-schema';
import type { RegistryActor } from '../registry/registry';
import type { SourceSpec } from './ffmpeg-args';
import { StreamSession, type SessionOptions, type Viewer } from './stream-session';

const log = createLogger('gateway');

export interface ViewerIdentity {
  clientId: string;
  actor: RegistryActor | null;
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
}

const SURFACES = new Set(['console-tile', 'console-large', 'wall-tile']);

export function sourceFor(cam: Camera, stream: StreamKind, credentials: CredentialStore): SourceSpec {
  const url = stream === 'sub' && cam.streams.sub ? cam.streams.sub : cam.streams.main;
  if (url.startsWith('demo:'))
    return {
      kind: 'demo',
      cameraId: cam.id,
      label: `${cam.id} ${cam.name.startsWith('DÉMO') ? cam.name : `DÉMO ${cam.name}`}`,
    };
  return { kind: 'rtsp', url: credentials.apply(url, cam.credentialsRef) };
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
  private readonly byToken = new Map<string, Set<WebSocket>>();
  private readonly opts: SessionOptions;
  private port = 0;

  constructor(private readonly o: GatewayOptions) {
    this.opts = {
      ffmpegPath: o.ffmpegPath,
      stallMs: o.stallMs ?? 3000,
      connectTimeoutMs: o.connectTimeoutMs ?? 12_000,
      idleMs: o.idleMs ?? 5000,
      offlineAfter: o.offlineAfter ?? 3,
      demoText: o.demoText ?? true,
      // Benchmark only: VIGIE_H264_FRAMING=split measures the frame the old framing waited for.
      h264Framing: o.h264Framing ?? (process.env.VIGIE_H264_FRAMING === 'split' ? 'split' : 'flv'),
    };
  }

  async listen(): Promise<VideoEndpoint> {
    const wss = new WebSocketServer({
      host: '127.0.0.1',
      port: 0,
      perMessageDeflate: false,
      maxPayload: 1024,
    });
    this.wss = wss;
    await new Promise<void>((resolve, reject) => {
      wss.once('listening', resolve);
      wss.once('error', reject);
    });
    this.port = (wss.address() as { port: number }).port;
    wss.on('connection', (ws, req) => this.onConnection(ws, req));
    log.info(`video socket on 127.0.0.1:${this.port}`);
    return this.endpoint();
  }

  endpoint(): VideoEndpoint {
    return { url: `ws://127.0.0.1:${this.port}/video`, token: this.token };
  }

  statuses(): StreamStatus[] {
    return [...this.statusMap.values()];
  }

  private onConnection(ws: WebSocket, req: IncomingMessage): void {
    const url = new URL(req.url ?? '/', 'ws://127.0.0.1');
    const token = url.searchParams.get('token') ?? '';
    const identity = url.pathname === '/video' ? this.authorize(token) : null;
    if (!identity) {
      ws.close(4001, 'unauthorized');
      return;
    }
    const cameraId = Number(url.searchParams.get('camera'));
    const stream: StreamKind = url.searchParams.get('stream') === 'main' ? 'main' : 'sub';
    const formatParam = url.searchParams.get('format');
    const format: VideoFormat | null =
      formatParam === 'mpeg1' || formatParam === 'annexb' ? formatParam : null;
    const cam = Number.isInteger(cameraId) ? this.o.lookupCamera(cameraId) : undefined;
    if (!cam || !format) {
      ws.close(4004, 'unknown camera or format');
      return;
    }
    const effective: StreamKind = stream === 'sub' && cam.streams.sub ? 'sub' : 'main';
    const session = this.session(cam, effective, format);
    const viewer: Viewer = {
      send: (d) => ws.send(d),
      bufferedAmount: () => ws.bufferedAmount,
      close: (code, reason) => ws.close(code, reason),
    };
    const surfaceParam = url.searchParams.get('surface') ?? 'console-tile';
    const view: ViewEvent = {
      viewId: crypto.randomUUID(),
      identity,
      cameraId: cam.id,
      stream: effective,
      surface: SURFACES.has(surfaceParam) ? surfaceParam : 'console-tile',
      startedAt: Date.now(),
    };
    const peers = this.byToken.get(token) ?? new Set<WebSocket>();
    peers.add(ws);
    this.byToken.set(token, peers);
    this.o.onView?.('start', view);
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
    const s = new StreamSession(
      cam.id,
      stream,
      format,
      sourceFor(cam, stream, this.o.credentials),
      this.opts,
      (st) => {
        this.statusMap.set(st.key, st);
        this.o.events.emit('streams:status', st);
      },
      (closed) => {
        if (this.sessions.get(closed.key) === closed) this.sessions.delete(closed.key);
      },
    );
    this.sessions.set(key, s);
    this.statusMap.set(key, s.current);
    this.o.events.emit('streams:status', s.current);
    return s;
  }

  /** After an inventory change: sessions whose camera vanished or whose source changed end. */
  refresh(): void {
    for (const s of [...this.sessions.values()]) {
      const cam = this.o.lookupCamera(s.cameraId);
      const src = cam ? JSON.stringify(sourceFor(cam, s.stream, this.o.credentials)) : null;
      if (!cam || src !== JSON.stringify(s.source)) s.close('inventory changed');
    }
  }

  activeSessions(): number {
    return this.sessions.size;
  }

  async close(): Promise<void> {
    for (const s of [...this.sessions.values()]) s.close('shutdown');
    await new Promise<void>((resolve) => (this.wss ? this.wss.close(() => resolve()) : resolve()));
  }
}
