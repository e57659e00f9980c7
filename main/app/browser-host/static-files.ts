/**
 * The browser host's static files: the built renderer only, GET only. A malformed path answers
 * 400, a missing file 404, and a read or socket error ends that response, never the process.
 */
import fs from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import { createLogger } from '../../platform/log/logger';
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

/** The file a request path names inside `root`, or the HTTP status refusing it. */
export function resolveStatic(root: string, rawUrl: string | undefined): string | 400 | 404 {
  let urlPath: string;
  try {
    urlPath = decodeURIComponent(new URL(rawUrl ?? '/', 'http://127.0.0.1').pathname);
  } catch {
    return 400; // `GET /%E0%A4%A`: URIError, or a URL that does not parse
  }
  if (urlPath.includes('\0')) return 400;
  const named = urlPath === '/' ? '/index.html' : urlPath === '/wall' ? '/wall.html' : urlPath;
  const file = path.resolve(root, '.' + named);
  if (!file.startsWith(root + path.sep)) return 404;
  try {
    return fs.statSync(file).isFile() ? file : 404;
  } catch {
    return 404;
  }
}

export function staticHandler(rendererDir: string): http.RequestListener {
  const root = path.resolve(rendererDir);
  return (req, res) => {
    res.on('error', (e) => log.debug(`static response error: ${e.message}`));
    const plain = (status: number, text: string): void => {
      res.writeHead(status, { 'content-type': 'text/plain' }).end(text);
    };
    if (req.method !== 'GET') return plain(405, 'method not allowed');
    const file = resolveStatic(root, req.url);
    if (file === 400) return plain(400, 'bad request');
    if (file === 404) return plain(404, 'not found');
    const stream = fs.createReadStream(file);
    stream.on('error', (e) => {
      log.warn(`static file unreadable: ${path.basename(file)}: ${e.message}`);
      if (!res.headersSent) plain(500, 'unreadable');
      else res.destroy();
    });
    stream.once('open', () => {
      res.writeHead(200, {
        'content-type': MIME[path.extname(file)] ?? 'application/octet-stream',
        'content-security-policy': CONTENT_SECURITY_POLICY,
        'x-content-type-options': 'nosniff',
        'cache-control': 'no-store',
      });
      stream.pipe(res);
    });
  };
}
