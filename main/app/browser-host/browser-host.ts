/**
 * The browser host: the same services as Electron, with the renderer served on loopback and the
 * typed contract carried over a WebSocket (`/ipc`). Used for tests and for PCs without Electron.
 * Every socket gets its error listener first: nothing a local process sends may stop the host.
 */
import crypto from 'node:crypto';
import http from 'node:http';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { sharedJson } from '../../platform/ipc/shared-answer';
import { createLogger } from '../../platform/log/logger';
import type { CallContext, CallTransport, ClientCloseReason } from '../../platform/ipc/router';
import type { Services } from '../services';
import { staticHandler } from './static-files';

const log = createLogger('host');

/** Above the largest legitimate message (an import, limited in bytes by its schema). */
export const IPC_MAX_PAYLOAD = 8 * 1024 * 1024;
/**
 * What one socket may have waiting to be sent (ws.bufferedAmount: ws's queue and the socket's own
 * buffer). A page reads its answers at once; one that lets them pile up past this is cut, not fed.
 * 32 MiB is above the most a page asks for before it reads anything: a screen of 40 tiles at their
 * cap (27 MiB) or a few 4 MiB plans or PDFs (5.6 MB each as JSON; shared, so they cost one copy).
 */
export const IPC_MAX_BUFFERED = 32 * 1024 * 1024;

export interface BrowserHost {
  url: string;
  /** The wall page for a kiosk browser on this PC, its key in the fragment. */
  wallUrl: string;
  close(): Promise<void>;
}

export async function startBrowserHost(
  services: Services,
  rendererDir: string,
  port: number,
): Promise<BrowserHost> {
  const server = http.createServer(staticHandler(rendererDir));
  server.on('clientError', (_e, socket) => socket.destroy());

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  server.on('error', (e) => log.error('http server error', e));
  const actualPort = (server.address() as { port: number }).port;
  const origin = `http://127.0.0.1:${actualPort}`;

  // One sink for every socket: a push is serialized once, however many pages receive it (a
  // 30 000-camera inventory pushed to ten pages is one copy, not ten).
  const clients = new Set<Client>();
  const detach = services.events.add((event, payload, target) => {
    let bytes: Buffer | undefined;
    for (const c of clients)
      if (services.mayReceive(c.clientId, event, target))
        c.push((bytes ??= Buffer.from(JSON.stringify({ event, payload }))));
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: IPC_MAX_PAYLOAD });
  server.on('upgrade', (req, socket, head) => {
    socket.on('error', () => socket.destroy());
    // The sender check of this transport: only pages served by this host may speak the contract.
    if (req.url !== '/ipc' || req.headers.origin !== origin) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => onClient(services, ws, clients));
  });

  const url = `${origin}/`;
  log.info(`renderer served on ${url}`);
  return {
    url,
    wallUrl: services.wallKioskUrl(origin),
    close: async () => {
      detach();
      for (const c of wss.clients) c.terminate();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

interface Client {
  clientId: string;
  push(bytes: Buffer): void;
}

/** One client per page: its operator session ends when the page goes away. */
function onClient(services: Services, ws: WebSocket, clients: Set<Client>): void {
  const ctx = { clientId: `ws-${crypto.randomUUID()}` };
  // An oversized or malformed frame closes this socket only.
  ws.on('error', (e) => {
    log.warn(`ipc socket closed on error: ${e.message}`);
    ws.terminate();
  });
  const done = (e?: Error): void => {
    if (e) ws.terminate();
  };
  /** False, and the socket cut, when its reader has let more than IPC_MAX_BUFFERED pile up. */
  const room = (bytes: number): boolean => {
    if (ws.readyState !== ws.OPEN) return false;
    if (ws.bufferedAmount + bytes <= IPC_MAX_BUFFERED) return true;
    log.warn(`ipc socket cut: its reader left ${ws.bufferedAmount} bytes unread`);
    ws.terminate();
    return false;
  };
  const send = (data: unknown): void => {
    const text = JSON.stringify(data);
    if (room(text.length)) ws.send(text, done);
  };

  /** A shared answer goes out as the same bytes to every socket: only its envelope is new. */
  const reply = (id: number, result: unknown): void => {
    const body = sharedJson(result);
    if (!body) return send({ id, result });
    const head = Buffer.from(`{"id":${id},"result":`);
    if (!room(head.length + body.length + 1)) return;
    ws.send(head, { binary: false, fin: false });
    ws.send(body, { binary: false, fin: false });
    ws.send('}', { binary: false, fin: true }, done);
  };
  const client: Client = {
    clientId: ctx.clientId,
    push: (bytes) => {
      if (room(bytes.length)) ws.send(bytes, { binary: false }, done);
    },
  };
  clients.add(client);
  ws.on('close', () => {
    clients.delete(client);
    try {
      services.auth.logout(ctx.clientId, 'disconnect');
    } catch (e) {
      log.error('logout on disconnect failed', e);
    }
  });
  ws.on('message', (raw: RawData) => {
    if (ws.readyState !== ws.OPEN) return; // main is closing this socket: nothing more is answered
    const call = callTransport(ws);
    void answer(services, { ...ctx, transport: call }, raw).then((r) => {
      if (r) reply(r.id, r.result);
      call.settle();
    });
  });
}

async function answer(
  services: Services,
  ctx: CallContext,
  raw: RawData,
): Promise<{ id: number; result: unknown } | null> {
  let msg: { id?: unknown; channel?: unknown; payload?: unknown };
  try {
    msg = JSON.parse(String(raw)) as typeof msg;
  } catch {
    return null;
  }
  if (msg === null || typeof msg !== 'object' || typeof msg.id !== 'number') return null;
  try {
    return { id: msg.id, result: await services.router.dispatch(msg.channel, msg.payload, ctx) };
  } catch (e) {
    log.error('ipc dispatch failed', e);
    return { id: msg.id, result: { ok: false, error: { code: 'internal' } } };
  }
}

/** The WebSocket close code of a socket main closed on purpose (4000–4999: the application's). */
export const IPC_CLOSED_BY_MAIN = 4008;

/** One call's transport (main/ipc/router.ts): a close its handler asks for follows its answer. */
function callTransport(ws: WebSocket): CallTransport & { settle(): void } {
  const asked: { reason: ClientCloseReason | null } = { reason: null };
  return {
    closeClient: (reason) => {
      asked.reason ??= reason;
    },
    settle: () => {
      if (!asked.reason || ws.readyState !== ws.OPEN) return;
      log.debug(`ipc socket closed by main: ${asked.reason}`);
      ws.close(IPC_CLOSED_BY_MAIN, asked.reason);
      // A peer that never answers the close frame is cut all the same.
      setTimeout(() => ws.terminate(), 1000).unref();
    },
  };
}
