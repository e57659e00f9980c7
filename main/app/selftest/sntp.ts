/**
 * SNTP (RFC 4330) over UDP: the post's clock offset against the configured time server. Registry
 * times must be trustworthy. One request, a timeout, never a throw.
 */
import dgram from 'node:dgram';

/** Seconds between the NTP epoch (1900) and the Unix epoch (1970). */
const NTP_UNIX = 2_208_988_800;

export type SntpResult =
  | { ok: true; offsetMs: number; delayMs: number; stratum: number }
  | { ok: false; code: 'timeout' | 'unreachable' | 'bad_reply' | 'unsynchronised' };

export function readTimestamp(buf: Buffer, at: number): number {
  const seconds = buf.readUInt32BE(at);
  const fraction = buf.readUInt32BE(at + 4);
  return (seconds - NTP_UNIX) * 1000 + (fraction * 1000) / 2 ** 32;
}

export function writeTimestamp(buf: Buffer, at: number, ms: number): void {
  const seconds = Math.floor(ms / 1000);
  buf.writeUInt32BE((seconds + NTP_UNIX) >>> 0, at);
  buf.writeUInt32BE(Math.floor(((ms - seconds * 1000) / 1000) * 2 ** 32) >>> 0, at + 4);
}

export function parseServer(spec: string): { host: string; port: number } | null {
  const m = /^(\[[0-9a-fA-F:]+\]|[A-Za-z0-9.-]+)(?::(\d{1,5}))?$/.exec(spec.trim());
  if (!m) return null;
  const port = m[2] ? Number(m[2]) : 123;
  if (port < 1 || port > 65535) return null;
  return { host: m[1]!.replace(/^\[|\]$/g, ''), port };
}

export function querySntp(
  host: string,
  port = 123,
  timeoutMs = 2000,
  now: () => number = Date.now,
): Promise<SntpResult> {
  return new Promise((resolve) => {
    const sock = dgram.createSocket(host.includes(':') ? 'udp6' : 'udp4');
    let settled = false;
    const done = (r: SntpResult): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      sock.close();
      resolve(r);
    };
    const timer = setTimeout(() => done({ ok: false, code: 'timeout' }), timeoutMs);
    const req = Buffer.alloc(48);
    req[0] = (0 << 6) | (4 << 3) | 3; // LI 0, version 4, mode 3 (client)
    const t1 = now();
    writeTimestamp(req, 40, t1); // transmit timestamp: the server echoes it as "originate"
    sock.on('error', () => done({ ok: false, code: 'unreachable' }));
    sock.on('message', (msg) => {
      const t4 = now();
      if (msg.length < 48) return done({ ok: false, code: 'bad_reply' });
      const mode = msg[0]! & 0x07;
      const li = msg[0]! >> 6;
      const stratum = msg[1]!;
      if (mode !== 4 && mode !== 5) return done({ ok: false, code: 'bad_reply' });
      // The reply must answer our request: its originate timestamp is our transmit timestamp.
      if (!msg.subarray(24, 32).equals(req.subarray(40, 48))) return done({ ok: false, code: 'bad_reply' });
      if (li === 3 || stratum === 0 || stratum > 15) return done({ ok: false, code: 'unsynchronised' });
      const t2 = readTimestamp(msg, 32);
      const t3 = readTimestamp(msg, 40);
      done({ ok: true, offsetMs: (t2 - t1 + (t3 - t4)) / 2, delayMs: t4 - t1 - (t3 - t2), stratum });
    });
    sock.send(req, port, host, (e) => {
      if (e) done({ ok: false, code: 'unreachable' });
    });
  });
}
