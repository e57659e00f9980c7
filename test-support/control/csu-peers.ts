/**
 * Test fixtures: a loopback CSU webhook (node:http) that records each request, and a loopback SMTP
 * relay (smtp-server) that records each mail or rejects it as told.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface HookRequest {
  at: number;
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  json: Record<string, unknown>;
}

export interface Hook {
  url: string;
  requests: HookRequest[];
  /** What to answer: a status (200 by default), or 'hang' to never answer. */
  answer: number | 'hang';
  /** Runs before the answer (e.g. to look at the lease store meanwhile). */
  onRequest?: (r: HookRequest) => Promise<void> | void;
  close(): Promise<void>;
}

export async function startHook(): Promise<Hook> {
  const hanging = new Set<http.ServerResponse>();
  const hook: Hook = {
    url: '',
    requests: [],
    answer: 200,
    close: async () => {
      for (const r of hanging) r.destroy();
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    },
  };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        let json: Record<string, unknown> = {};
        try {
          json = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
        } catch {
          // recorded as empty
        }
        const r = {
          at: Date.now(),
          method: req.method ?? '',
          path: req.url ?? '',
          headers: req.headers,
          json,
        };
        hook.requests.push(r);
        await hook.onRequest?.(r);
        if (hook.answer === 'hang') return void hanging.add(res);
        if (hook.answer >= 300 && hook.answer < 400) res.setHeader('location', '/elsewhere');
        res.writeHead(hook.answer).end('{}');
      })();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  hook.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/csu/notify`;
  return hook;
}

export interface Mail {
  from: string;
  to: string[];
  raw: string;
}

export interface Relay {
  url: string;
  mails: Mail[];
  /** An SMTP reply code to refuse recipients with (e.g. 550), or null to accept. */
  reject: number | null;
  close(): Promise<void>;
}

export async function startRelay(): Promise<Relay> {
  const relay: Relay = { url: '', mails: [], reject: null, close: async () => undefined };
  const server = new SMTPServer({
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onRcptTo(_address, _session, cb) {
      if (relay.reject === null) return cb();
      const e = Object.assign(new Error('Mailbox unavailable'), { responseCode: relay.reject });
      cb(e);
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        relay.mails.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        cb();
      });
    },
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  relay.url = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  relay.close = () => new Promise((r) => server.close(() => r()));
  return relay;
}

/** A mail's header, its RFC 2047 words decoded. */
export function header(raw: string, name: string): string {
  const head = raw.split(/\r?\n\r?\n/)[0]!.replace(/\r?\n[ \t]+/g, ' ');
  const line = head.split(/\r?\n/).find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  const value = line ? line.slice(name.length + 1).trim() : '';
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([qb])\?([^?]*)\?=/gi, (_m, enc: string, text: string) =>
      enc.toLowerCase() === 'b' ? Buffer.from(text, 'base64').toString('utf8') : qp(text.replace(/_/g, ' ')),
    );
}

function qp(s: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '=' && /^[0-9a-f]{2}$/i.test(s.slice(i + 1, i + 3))) {
      bytes.push(parseInt(s.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...Buffer.from(s[i]!, 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}

/** A mail's text body (quoted-printable, base64 or plain). */
export function body(raw: string): string {
  const [head, ...rest] = raw.split(/\r?\n\r?\n/);
  const text = rest.join('\n\n');
  const enc = /content-transfer-encoding:\s*(\S+)/i.exec(head ?? '')?.[1]?.toLowerCase();
  if (enc === 'base64') return Buffer.from(text, 'base64').toString('utf8');
  if (enc === 'quoted-printable') return qp(text.replace(/=\r?\n/g, '')).replace(/\r\n/g, '\n');
  return text.replace(/\r\n/g, '\n');
}
