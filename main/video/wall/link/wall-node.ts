/**
 * The rack PC's end of the wall link: the only listener Vigie binds beyond loopback. Mutual TLS
 * 1.3; the console's certificate must match the pinned fingerprint before one byte of command is
 * read. One console session at a time, commands in order by sequence number, state pushed back.
 * Nothing a peer sends (garbage, oversized frames, slow handshakes, plain TCP, a wrong
 * certificate) stops the node or its wall: the socket closes, the event is logged. No peer can
 * hold the slots the console needs: pending handshakes are capped per address (admission.ts).
 */
import crypto from 'node:crypto';
import type net from 'node:net';
import tls from 'node:tls';
import { MAX_TILES, type WallShown } from '../../../../common/contract';
import { err } from '../../../../common/result';
import type { WallState } from '../../../../common/wall';
import { createLogger } from '../../../platform/log/logger';
import type { WallController } from '../controller';
import { NO_DISPLAY, type DisplayControl } from '../display/display-control';
import { LinkAdmission } from './admission';
import { FrameError, FrameReader, encodeFrame } from './frames';
import { toNodeSchema, type ToNode } from './protocol';

const log = createLogger('wall-node');

export type LinkSecurityEvent =
  | { kind: 'refused-pin'; remote: string; fingerprint: string | null }
  | { kind: 'replay'; remote: string; expected: number; got: number }
  | { kind: 'bad-frame'; remote: string; problem: string };

export interface WallNodeOptions {
  host: string;
  port: number;
  key: string;
  cert: string;
  /** The console's fingerprint, `AB:CD:…`. */
  peerPin: string;
  controller: WallController;
  display?: DisplayControl;
  onSecurityEvent?: (e: LinkSecurityEvent) => void;
  /** A connection must finish its TLS handshake within this (slowloris). */
  handshakeMs?: number;
  /** A console session silent for this long is closed (the console pings well within it). */
  idleMs?: number;
  /** What the wall page shows per tile, relayed to the console's miniature when it changes. */
  shown?: () => WallShown[];
  shownEveryMs?: number;
}

export interface WallNode {
  port: number;
  close(): Promise<void>;
}

const EMPTY: WallState = {
  layout: '2x2',
  tiles: Array.from({ length: MAX_TILES }, () => ({ cameraId: null, by: null, tour: null })),
  rev: 0,
};

export async function startWallNode(o: WallNodeOptions): Promise<WallNode> {
  const display = o.display ?? NO_DISPLAY;
  const report = (e: LinkSecurityEvent): void => {
    log.warn(`wall link: ${JSON.stringify(e)}`);
    try {
      o.onSecurityEvent?.(e);
    } catch (x) {
      log.error('security event not recorded', x);
    }
  };
  let current: tls.TLSSocket | null = null;
  const open = new Set<tls.TLSSocket>();

  const server = tls.createServer(
    {
      key: o.key,
      cert: o.cert,
      requestCert: true,
      // No CA: the peer's certificate is checked against the pin below, before any command.
      rejectUnauthorized: false,
      minVersion: 'TLSv1.3',
      handshakeTimeout: o.handshakeMs ?? 5000,
    },
    (socket) => onSession(socket),
  );
  // Every TCP connection is pending until its certificate matches the pin (onSession below).
  const admission = new LinkAdmission();
  /** `address:port` → the id of the live connection from there. */
  const ids = new Map<string, string>();
  let nextId = 0;
  const endpoint = (s: { remoteAddress?: string; remotePort?: number }): string =>
    `${s.remoteAddress ?? '?'}:${s.remotePort ?? '?'}`;
  server.on('connection', (raw: net.Socket) => {
    const id = String(++nextId);
    const from = endpoint(raw);
    ids.set(from, id);
    raw.once('close', () => {
      admission.leave(id);
      if (ids.get(from) === id) ids.delete(from);
    });
    admission.arrive(id, raw.remoteAddress ?? '?', () => {
      log.debug(`wall link: pending connection from ${from} dropped to make room`);
      raw.destroy();
    });
  });
  server.on('tlsClientError', (e, socket) => {
    log.debug(`wall link: handshake failed from ${socket.remoteAddress ?? '?'}: ${e.message}`);
    socket.destroy();
  });
  server.on('error', (e) => log.error('wall link server error', e));

  function onSession(socket: tls.TLSSocket): void {
    const remote = `${socket.remoteAddress ?? '?'}:${socket.remotePort ?? '?'}`;
    open.add(socket);
    socket.on('close', () => open.delete(socket));
    socket.on('error', (e) => {
      log.debug(`wall link socket ${remote}: ${e.message}`);
      socket.destroy();
    });
    const fingerprint = socket.getPeerCertificate()?.fingerprint256 ?? null;
    if (fingerprint !== o.peerPin) {
      report({ kind: 'refused-pin', remote, fingerprint });
      socket.end(encodeFrame({ t: 'refused', reason: 'pin' }));
      setTimeout(() => socket.destroy(), 1000);
      return;
    }
    const id = ids.get(endpoint(socket));
    if (id) admission.admit(id);
    log.info(`wall link: console connected from ${remote}`);
    // The newest paired console wins: a console that restarts finds its wall at once.
    current?.destroy();
    current = socket;
    const session = crypto.randomUUID();
    let expected = 1;
    const send = (m: unknown): void => {
      if (!socket.destroyed) socket.write(encodeFrame(m));
    };
    const off = o.controller.onChange((state) => state && send({ t: 'state', state }));
    let lastShown = '';
    const relayShown = (): void => {
      const shown = o.shown?.() ?? [];
      const key = shown.join(',');
      if (key === lastShown) return;
      lastShown = key;
      send({ t: 'shown', shown });
    };
    const shownTimer = o.shown ? setInterval(relayShown, o.shownEveryMs ?? 500) : null;
    socket.setTimeout(o.idleMs ?? 30_000, () => {
      log.warn(`wall link: console ${remote} silent, closing`);
      socket.destroy();
    });
    socket.on('close', () => {
      off();
      if (shownTimer) clearInterval(shownTimer);
      if (current === socket) current = null;
      log.info(`wall link: console ${remote} gone; the wall keeps its layout`);
    });
    send({ t: 'hello', session, state: o.controller.state() ?? EMPTY, display: display.info() });
    if (o.shown) relayShown();

    const reader = new FrameReader();
    let queue = Promise.resolve();
    socket.on('data', (chunk: Buffer) => {
      let frames: unknown[];
      try {
        frames = reader.push(chunk);
      } catch (e) {
        report({ kind: 'bad-frame', remote, problem: e instanceof FrameError ? e.problem : 'garbage' });
        socket.destroy();
        return;
      }
      for (const raw of frames) {
        const parsed = toNodeSchema.safeParse(raw);
        if (!parsed.success) {
          report({ kind: 'bad-frame', remote, problem: 'shape' });
          socket.destroy();
          return;
        }
        const m = parsed.data;
        if (m.t === 'ping') {
          send({ t: 'pong' });
          continue;
        }
        if (m.session !== session || m.seq !== expected) {
          report({ kind: 'replay', remote, expected, got: m.seq });
          send({ t: 'result', seq: m.seq, result: err('wall_replay') });
          continue;
        }
        expected++;
        queue = queue.then(() => run(m).then(send));
      }
    });
  }

  async function run(m: Exclude<ToNode, { t: 'ping' }>): Promise<unknown> {
    try {
      const result = m.t === 'cmd' ? await o.controller.apply(m.cmd, m.by) : await display.send(m.cmd, m.by);
      return { t: 'result', seq: m.seq, result };
    } catch (e) {
      log.error('wall link command failed', e);
      return { t: 'result', seq: m.seq, result: err('internal') };
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port, o.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as { port: number }).port;
  log.info(`wall link listening on ${o.host}:${port}`);
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const s of open) s.destroy();
      }),
  };
}
