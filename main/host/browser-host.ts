/**
 * The browser host: the same services as Electron, with the renderer served on loopback and the
 * typed contract carried over a WebSocket (`/ipc`). Used for tests and for PCs without Electron.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { WebSocketServer } from 'ws';
import { createLogger } from '../log/logger';
import type { Services } from '../services';
import { CONTENT_SECURITY_POLICY } from './csp';

const log = createLogger('host');

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.wasm': 'application/wasm',
  '.map': 'application/json',
};

export interface BrowserHost {
  url: string;
  close(): Promise<void>;
}

export async function startBrowserHost(
  services: Services,
  rendererDir: string,
  port: number,
): Promise<BrowserHost> {
  const root = path.resolve(rendererDir);
  const server = http.createServer((req, res) => {
    const urlPath = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    const file = path.resolve(root, '.' + (urlPath === '/' ? '/index.html' : urlPath));
    if (
      req.method !== 'GET' ||
      !file.startsWith(root + path.sep) ||
      !fs.existsSync(file) ||
      !fs.statSync(file).isFile()
    ) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, {
      'content-type': MIME[path.extname(file)] ?? 'application/octet-stream',
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
    });
    fs.createReadStream(file).pipe(res);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const actualPort = (server.address() as { port: number }).port;
  const origin = `http://127.0.0.1:${actualPort}`;

  const wss = new WebSocketServer({ noServer: true, maxPayload: 8 * 1024 * 1024 });
  server.on('upgrade', (req, socket, head) => {
    // The sender check of this transport: only pages served by this host may speak the contract.
    if (req.url !== '/ipc' || req.headers.origin !== origin) {
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      // One client per page: its operator session ends when the page goes away.
      const ctx = { clientId: `ws-${crypto.randomUUID()}` };
      const detach = services.events.add((event, payload) => ws.send(JSON.stringify({ event, payload })));
      ws.on('close', () => {
        detach();
        // A listener must never throw: a logout the registry could not record is logged instead.
        try {
          services.auth.logout(ctx.clientId, 'disconnect');
        } catch (e) {
          log.error('logout after disconnect not recorded', e);
        }
      });
      ws.on('message', async (raw) => {
        let msg: { id?: unknown; channel?: unknown; payload?: unknown };
        try {
          msg = JSON.parse(String(raw)) as typeof msg;
        } catch {
          return;
        }
        if (typeof msg.id !== 'number') return;
        const result = await services.router.dispatch(msg.channel, msg.payload, ctx);
        ws.send(JSON.stringify({ id: msg.id, result }));
      });
    });
  });

  const url = `${origin}/`;
  log.info(`renderer served on ${url}`);
  return {
    url,
    close: async () => {
      for (const c of wss.clients) c.terminate();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
