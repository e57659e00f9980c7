/**
 * The browser host: the same services as Electron, with the renderer served on loopback and the
 * typed contract carried over a WebSocket (`/ipc`). Used for tests and for PCs without Electron.
 * Every socket gets its error listener first: nothing a local process sends may stop the host.
 */
import crypto from 'node:crypto';
import http from 'node:http';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { createLogger } from '../log/logger';
import type { CallContext, CallTransport, ClientCloseReason } from '../ipc/router';
import type { Services } from '../services';
import { staticHandler } from './static-files';

const log = createLogger('host');

/** Above the largest legitimate message (an import, limited in bytes by its schema). */
export const IPC_MAX_PAYLOAD = 8 * 1024 * 1024;

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

  const wss = new WebSocketServer({ noServer: true, maxPayload: IPC_MAX_PAYLOAD });
  server.on('upgrade', (req, socket, head) => {
    socket.on('error', () => socket.destroy());
    // The sender check of this transport: only pages served by this host may speak the contract.
    if (req.url !== '/ipc' || req.headers.origin !== origin) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => onClient(services, ws));
  });

  const url = `${origin}/`;
  log.info(`renderer served on ${url}`);
  return {
    url,
    wallUrl: services.wallKioskUrl(origin),
    close: async () => {
      for (const c of wss.clients) c.terminate();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

/** One client per page: its operator session ends when the page goes away. */
function onClient(services: Services, ws: WebSocket): void {
  const ctx = { clientId: `ws-${crypto.randomUUID()}` };
  // An oversized or malformed frame closes this socket only.
  ws.on('error', (e) => {
    log.warn(`ipc socket closed on error: ${e.message}`);
    ws.terminate();
  });
  const send = (data: unknown): void => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(data), (e) => e && ws.terminate());
  };
  const detach = services.events.add((event, payload, target) => {
    if (services.auth.mayReceive(ctx.clientId, event, target)) send({ event, payload });
  });
  ws.on('close', () => {
    detach();
    try {
      services.auth.logout(ctx.clientId, 'disconnect');
    } catch (e) {
      log.error('logout on disconnect failed', e);
    }
  });
  ws.on('message', (raw: RawData) => {
    if (ws.readyState !== ws.OPEN) return; // main is closing this socket: nothing more is answered
    const call = callTransport(ws);
    void answer(services, { ...ctx, transport: call }, raw).then((reply) => {
      if (reply) send(reply);
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
