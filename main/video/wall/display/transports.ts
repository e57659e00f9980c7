/**
 * One exchange with a display: open, write the bytes, wait for the expected reply (if any), close.
 * Bounded by the profile's timeout from the first byte to the last: nothing hangs. Failures come
 * back as a reason code, never as a throw.
 */
import net from 'node:net';
import { SerialPort } from 'serialport';
import type { DisplayProfile } from './profile';

export type ExchangeFailure = 'timeout' | 'refused' | 'reply' | 'port';
export type ExchangeResult =
  { ok: true; reply: Buffer } | { ok: false; reason: ExchangeFailure; detail: string };

export type DisplayTarget = { kind: 'serial'; path: string } | { kind: 'tcp'; host: string; port: number };

/** Bytes a display may send before we stop looking for the expected reply in them. */
const REPLY_SLACK = 256;

interface Channel {
  write(b: Buffer, done: (e?: Error | null) => void): void;
  close(): void;
}

/**
 * Runs the exchange over a channel that `open` makes: `onData`, `onFail` and `onOpen` are how the
 * transport reports back. Settles exactly once.
 */
function exchange(
  bytes: Buffer,
  expected: Buffer | null,
  timeoutMs: number,
  open: (h: {
    onOpen: () => void;
    onData: (b: Buffer) => void;
    onFail: (r: ExchangeFailure, d: string) => void;
  }) => Channel,
): Promise<ExchangeResult> {
  return new Promise((resolve) => {
    let received = Buffer.alloc(0);
    let settled = false;
    let channel: Channel | null = null;
    const finish = (r: ExchangeResult): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      channel?.close();
      resolve(r);
    };
    const timer = setTimeout(
      () =>
        finish(
          received.length
            ? { ok: false, reason: 'reply', detail: `unexpected reply ${received.toString('hex')}` }
            : { ok: false, reason: 'timeout', detail: `no answer in ${timeoutMs} ms` },
        ),
      timeoutMs,
    );
    channel = open({
      onOpen: () =>
        channel?.write(bytes, (e) => {
          if (e) finish({ ok: false, reason: 'port', detail: e.message });
          else if (!expected) finish({ ok: true, reply: Buffer.alloc(0) });
        }),
      onData: (b) => {
        if (!expected) return;
        received = Buffer.concat([received, b]);
        if (received.includes(expected)) finish({ ok: true, reply: received });
        else if (received.length > expected.length + REPLY_SLACK)
          finish({
            ok: false,
            reason: 'reply',
            detail: `unexpected reply ${received.subarray(0, 64).toString('hex')}`,
          });
      },
      onFail: (reason, detail) => finish({ ok: false, reason, detail }),
    });
    if (settled) channel.close();
  });
}

export function sendToDisplay(
  profile: DisplayProfile,
  target: DisplayTarget,
  bytes: Buffer,
  expected: Buffer | null,
): Promise<ExchangeResult> {
  const t = profile.transport;
  if (target.kind === 'tcp')
    return exchange(bytes, expected, profile.timeoutMs, (h) => {
      const s = net.connect({ host: target.host, port: target.port });
      s.on('connect', h.onOpen);
      s.on('data', h.onData);
      s.on('error', (e: NodeJS.ErrnoException) =>
        h.onFail(e.code === 'ECONNREFUSED' ? 'refused' : 'port', e.message),
      );
      s.on('close', () => h.onFail('timeout', 'connection closed before the reply'));
      return { write: (b, done) => s.write(b, done), close: () => s.destroy() };
    });
  if (t.kind !== 'serial')
    return Promise.resolve({ ok: false, reason: 'port', detail: 'transport mismatch' });
  return exchange(bytes, expected, profile.timeoutMs, (h) => {
    const port = new SerialPort({
      path: target.path,
      baudRate: t.baudRate,
      dataBits: t.dataBits,
      parity: t.parity,
      stopBits: t.stopBits,
      autoOpen: false,
    });
    port.on('data', h.onData);
    port.on('error', (e) => h.onFail('port', e.message));
    port.open((e) => (e ? h.onFail('port', e.message) : h.onOpen()));
    return {
      write: (b, done) => {
        port.write(b);
        port.drain((e) => done(e));
      },
      close: () => {
        if (port.isOpen) port.close(() => undefined);
      },
    };
  });
}
