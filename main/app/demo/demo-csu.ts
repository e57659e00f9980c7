/**
 * The demo's CSU: the webhook a real CSU would run, answered inside the post, so that a newcomer
 * can take, steer, extend and release a demo camera. It keeps the last notices it received (the
 * post's log shows each) and accepts them only while the demo is in force: once a real inventory
 * replaces the demo, it refuses, so no take of a real camera is ever "notified" to it.
 */
import type http from 'node:http';
import { createLogger } from '../../platform/log/logger';

const log = createLogger('demo-csu');
const MAX_BODY = 16 * 1024;
const KEPT = 50;

/** What the demo CSU understood of one notice. */
export interface DemoCsuNotice {
  kind: 'take' | 'extend' | 'test';
  cameraId: number;
  holder: string;
  eventRef: string;
  until: string;
  receivedAt: number;
}

const str = (v: unknown, max = 200): string => (typeof v === 'string' ? v.slice(0, max) : '');

/** The webhook's JSON (main/control/lease/csu-message.ts), or null if it is not one. */
export function parseNotice(body: string, now = Date.now()): DemoCsuNotice | null {
  let j: unknown;
  try {
    j = JSON.parse(body);
  } catch {
    return null;
  }
  if (!j || typeof j !== 'object') return null;
  const o = j as Record<string, unknown>;
  const kind = o.kind;
  if (kind !== 'take' && kind !== 'extend' && kind !== 'test') return null;
  if (o.type !== `vigie.ptz.${kind}`) return null;
  const cameraId = Number(o.cameraId);
  if (!Number.isInteger(cameraId) || cameraId < 0) return null;
  const h = (o.holder && typeof o.holder === 'object' ? o.holder : {}) as Record<string, unknown>;
  return {
    kind,
    cameraId,
    holder: str(h.login, 80),
    eventRef: str(o.eventRef, 80),
    until: str(o.until, 40),
    receivedAt: now,
  };
}

export interface DemoCsu {
  handle(req: http.IncomingMessage, res: http.ServerResponse): void;
  notices(): DemoCsuNotice[];
}

export function createDemoCsu(active: () => boolean): DemoCsu {
  const kept: DemoCsuNotice[] = [];
  return {
    notices: () => [...kept],
    handle(req, res) {
      const reply = (status: number): void => void res.writeHead(status, { 'content-length': 0 }).end();
      if (req.method !== 'POST') return reply(405);
      if (!active()) {
        req.resume();
        return reply(503);
      }
      let size = 0;
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => {
        size += c.length;
        if (size > MAX_BODY) {
          reply(413);
          req.destroy();
        } else chunks.push(c);
      });
      req.on('error', () => undefined);
      req.on('end', () => {
        if (size > MAX_BODY) return;
        const n = parseNotice(Buffer.concat(chunks).toString('utf8'));
        if (!n) return reply(400);
        kept.push(n);
        if (kept.length > KEPT) kept.shift();
        log.info(`demo CSU: ${n.kind} camera ${n.cameraId} by ${n.holder || '—'} until ${n.until || '—'}`);
        reply(204);
      });
    },
  };
}
