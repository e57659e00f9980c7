/**
 * The CSU webhook: one JSON POST, a hard deadline, no redirect followed (a 3xx is a failure), the
 * URL's credentials sent as Basic authentication and never written anywhere. Never throws.
 */
import http from 'node:http';
import https from 'node:https';
import type { CsuDelivery } from './types';

const MAX_BODY = 64 * 1024;

export function failureOf(e: unknown): string {
  const code = (e as { code?: unknown } | null)?.code;
  switch (code) {
    case 'ECONNREFUSED':
      return 'refused';
    case 'ETIMEDOUT':
    case 'ESOCKETTIMEDOUT':
      return 'timeout';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return 'unreachable';
    case 'ECONNRESET':
    case 'EPIPE':
      return 'reset';
    default:
      return typeof code === 'string' && /CERT|SSL|TLS/.test(code) ? 'tls' : 'network';
  }
}

export function postWebhook(url: URL, payload: unknown, timeoutMs: number): Promise<CsuDelivery> {
  const body = Buffer.from(JSON.stringify(payload));
  const headers: Record<string, string | number> = {
    'content-type': 'application/json; charset=utf-8',
    'content-length': body.length,
    'user-agent': 'Vigie-CIC',
  };
  if (url.username || url.password) {
    const user = decodeURIComponent(url.username);
    const pass = decodeURIComponent(url.password);
    headers.authorization = `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`;
  }
  const target = new URL(url.href);
  target.username = '';
  target.password = '';
  const lib = target.protocol === 'https:' ? https : http;
  return new Promise((resolve) => {
    let done = false;
    const finish = (d: Omit<CsuDelivery, 'channel'>): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      resolve({ channel: 'webhook', ...d });
    };
    const req = lib.request(target, { method: 'POST', headers, agent: false }, (res) => {
      const status = res.statusCode ?? 0;
      let size = 0;
      res.on('data', (c: Buffer) => {
        size += c.length;
        if (size > MAX_BODY) res.destroy();
      });
      res.on('error', () => undefined);
      finish(status >= 200 && status < 300 ? { ok: true } : { ok: false, failure: `http_${status}` });
    });
    const timer = setTimeout(() => {
      finish({ ok: false, failure: 'timeout' });
      req.destroy();
    }, timeoutMs);
    req.on('error', (e) => finish({ ok: false, failure: failureOf(e) }));
    req.end(body);
  });
}
