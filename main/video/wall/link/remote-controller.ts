/**
 * The console's end of the wall link: a WallController for a wall on a rack PC. Explicit link
 * state machine (connecting → up → down → connecting …, and closed for good once the console lets
 * it go; each state carries its own data, see `Link`). A refusal names the side whose pin does not
 * match: `refused-by-wall` or `wall-pin-mismatch`. Reconnects with backoff. On every (re)connection
 * the node's own state is read first and adopted: the console never pushes anything on connect, so
 * a console restart never blanks the wall. An illegal transition throws under tests, is logged in
 * the product (main/platform/state/transitions.ts).
 */
import tls from 'node:tls';
import type { WallShown } from '../../../../common/contract';
import type { DisplayCommand, DisplayInfo } from '../../../../common/display';
import { err, type Result } from '../../../../common/result';
import type { WallLink, WallState } from '../../../../common/wall';
import { createLogger } from '../../../platform/log/logger';
import { allowed, type Transitions } from '../../../platform/state/transitions';
import type { RegistryActor } from '../../../records/registry/registry';
import type { WallCommand, WallController } from '../controller';
import type { DisplayControl } from '../display/display-control';
import { FrameReader, encodeFrame } from './frames';
import { toConsoleSchema, wallStateSchema } from './protocol';

const log = createLogger('wall-link');

type LinkState = Exclude<WallLink, 'local'>;
/** Why a connection ended refused: the rack PC's pin, or this console's. */
type Refusal = Extract<LinkState, 'refused-by-wall' | 'wall-pin-mismatch'>;
/** The link's states, and `closed` once the console let it go (shown as `down`). */
export type LinkName = LinkState | 'closed';
export const LINK_TRANSITIONS: Transitions<LinkName> = {
  connecting: ['up', 'down', 'refused-by-wall', 'wall-pin-mismatch', 'closed'],
  // This console checks the rack PC's certificate before anything else: a mismatch is never up.
  up: ['down', 'refused-by-wall', 'closed'],
  down: ['connecting', 'closed'],
  'refused-by-wall': ['connecting', 'closed'],
  'wall-pin-mismatch': ['connecting', 'closed'],
  closed: [],
};
/** The error reason of each refusal (common/errors.ts). */
const REFUSAL_REASON: Record<Refusal, string> = {
  'refused-by-wall': 'refused_by_wall',
  'wall-pin-mismatch': 'wall_pin_mismatch',
};

/** One TLS connection to the node and its keepalive. */
interface Connection {
  socket: tls.TLSSocket;
  ping: NodeJS.Timeout;
}
/** Each state with its own data; `backoff` is the wait before the next attempt if this one fails. */
type Link =
  | { name: 'connecting'; conn: Connection; backoff: number }
  | {
      name: 'up';
      conn: Connection;
      session: string;
      seq: number;
      pending: Map<number, Pending>;
      /** What the rack PC's wall page shows per tile. */
      shown: WallShown[];
    }
  | { name: 'down' | Refusal; retry: NodeJS.Timeout }
  | { name: 'closed' };

export interface RemoteWallOptions {
  host: string;
  port: number;
  /** The wall node's fingerprint, `AB:CD:…`. */
  pin: string;
  key: string;
  cert: string;
  backoffMinMs?: number;
  backoffMaxMs?: number;
  commandTimeoutMs?: number;
  pingMs?: number;
}

interface Pending {
  resolve: (r: Result<unknown>) => void;
  timer: NodeJS.Timeout;
}

export class RemoteWallController implements WallController, DisplayControl {
  readonly kind = 'remote' as const;
  private s: Link;
  /**
   * What the node last said it shows, adopted on every (re)connection and kept while the link is
   * down: the wall keeps showing it, so the console still describes it.
   */
  private adopted: { state: WallState | null; display: DisplayInfo | null } = { state: null, display: null };
  private readonly listeners = new Set<(s: WallState | null, l: WallLink) => void>();

  /** Where the rack PC is and the fingerprint it must show (the self-test reports both). */
  target(): { address: string; fingerprint: string } {
    return { address: `${this.o.host}:${this.o.port}`, fingerprint: this.o.pin };
  }

  constructor(private readonly o: RemoteWallOptions) {
    this.s = { name: 'connecting', conn: this.open(), backoff: this.minBackoff() };
  }

  link(): WallLink {
    return this.s.name === 'closed' ? 'down' : this.s.name;
  }

  state(): WallState | null {
    return this.adopted.state;
  }

  info(): DisplayInfo | null {
    return this.adopted.display;
  }

  /** What the rack PC's wall page shows per tile; empty while the link is not up. */
  shown(): WallShown[] {
    return this.s.name === 'up' ? this.s.shown : [];
  }

  onChange(listener: (state: WallState | null, link: WallLink) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async apply(cmd: WallCommand, by: RegistryActor): Promise<Result<WallState>> {
    const r = await this.request({ t: 'cmd', cmd, by });
    if (!r.ok) return r;
    const state = wallStateSchema.safeParse(r.value);
    return state.success ? { ok: true, value: state.data } : err('internal');
  }

  async send(cmd: DisplayCommand, by: RegistryActor): Promise<Result<null>> {
    const r = await this.request({ t: 'display', cmd, by });
    return r.ok ? { ok: true, value: null } : r;
  }

  close(): Promise<void> {
    const was = this.s;
    if (was.name === 'closed') return Promise.resolve();
    this.move({ name: 'closed' });
    if ('retry' in was) clearTimeout(was.retry);
    if ('conn' in was) this.drop(was);
    return Promise.resolve();
  }

  private request(m: { t: 'cmd' | 'display'; cmd: unknown; by: RegistryActor }): Promise<Result<unknown>> {
    const s = this.s;
    if (s.name !== 'up')
      return Promise.resolve(
        s.name === 'refused-by-wall' || s.name === 'wall-pin-mismatch'
          ? err('wall_unreachable', { reason: REFUSAL_REASON[s.name] })
          : err('wall_unreachable'),
      );
    const seq = ++s.seq;
    const by = { login: m.by.login, name: m.by.name, rank: m.by.rank, service: m.by.service };
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        s.pending.delete(seq);
        resolve(err('wall_unreachable', { reason: 'timeout' }));
      }, this.o.commandTimeoutMs ?? 5000);
      s.pending.set(seq, { resolve, timer });
      s.conn.socket.write(encodeFrame({ ...m, by, session: s.session, seq }));
    });
  }

  /** Enters `next` when the table allows it (an illegal move throws in tests, is logged otherwise). */
  private move(next: Link): boolean {
    const from = this.s.name;
    const what = `wall link ${this.o.host}:${this.o.port}`;
    if (!allowed(LINK_TRANSITIONS, from, next.name, { what, log })) return false;
    log.info(`${what}: ${from} → ${next.name}`);
    this.s = next;
    this.emit();
    return true;
  }

  private emit(): void {
    const link = this.link();
    for (const l of this.listeners)
      try {
        l(this.adopted.state, link);
      } catch (e) {
        log.error('wall listener failed', e);
      }
  }

  private minBackoff(): number {
    return this.o.backoffMinMs ?? 500;
  }

  /** Ends a connection: its keepalive, its socket, and (when up) its pending requests. */
  private drop(s: Extract<Link, { conn: Connection }>): void {
    clearInterval(s.conn.ping);
    s.conn.socket.destroy();
    if (s.name !== 'up') return;
    for (const [, p] of s.pending) {
      clearTimeout(p.timer);
      p.resolve(err('wall_unreachable'));
    }
    s.pending.clear();
  }

  /** The state this connection is in, or null once it is no longer the current one. */
  private current(socket: tls.TLSSocket): Extract<Link, { conn: Connection }> | null {
    return 'conn' in this.s && this.s.conn.socket === socket ? this.s : null;
  }

  private reconnect(backoff: number): void {
    this.move({ name: 'connecting', conn: this.open(), backoff });
  }

  /** Opens one connection; its events drive the state while it is the current one. */
  private open(): Connection {
    const socket = tls.connect({
      host: this.o.host,
      port: this.o.port,
      key: this.o.key,
      cert: this.o.cert,
      // No CA: the node's certificate is checked against the pin before anything is sent.
      rejectUnauthorized: false,
      minVersion: 'TLSv1.3',
    });
    let refusal: Refusal | null = null;
    let lastHeard = Date.now();
    socket.setTimeout(this.o.commandTimeoutMs ?? 5000, () => socket.destroy());
    socket.on('error', (e) => log.debug(`wall link: ${e.message}`));
    socket.on('secureConnect', () => {
      const fp = socket.getPeerCertificate()?.fingerprint256 ?? null;
      if (fp !== this.o.pin) {
        log.warn(
          `wall link: the node at ${this.o.host}:${this.o.port} shows fingerprint ${fp}, not the one --wall-pin names`,
        );
        refusal = 'wall-pin-mismatch';
        socket.destroy();
        return;
      }
      socket.setTimeout(0);
    });
    const reader = new FrameReader();
    socket.on('data', (chunk: Buffer) => {
      if (refusal) return;
      lastHeard = Date.now();
      let frames: unknown[];
      try {
        frames = reader.push(chunk);
      } catch {
        socket.destroy();
        return;
      }
      for (const raw of frames) {
        const m = toConsoleSchema.safeParse(raw);
        if (!m.success) {
          log.warn('wall link: malformed message from the node');
          socket.destroy();
          return;
        }
        const s = this.current(socket);
        if (!s) return;
        const msg = m.data;
        if (msg.t === 'hello') {
          this.adopted = { state: msg.state, display: msg.display };
          const pending = s.name === 'up' ? s.pending : new Map<number, Pending>();
          const up: Link = { name: 'up', conn: s.conn, session: msg.session, seq: 0, pending, shown: [] };
          // A second hello on the same connection starts a new session, keeping what is in flight.
          if (s.name === 'up') this.s = up;
          else this.move(up);
        } else if (msg.t === 'state') {
          this.adopted = { ...this.adopted, state: msg.state };
          this.emit();
        } else if (msg.t === 'result' && s.name === 'up') {
          const p = s.pending.get(msg.seq);
          if (!p) continue;
          clearTimeout(p.timer);
          s.pending.delete(msg.seq);
          p.resolve(msg.result as Result<unknown>);
        } else if (msg.t === 'shown' && s.name === 'up') {
          s.shown = msg.shown;
          this.emit();
        } else if (msg.t === 'refused') {
          log.warn('wall link: the node refuses this console (its --peer-pin is not this post)');
          refusal = 'refused-by-wall';
          socket.destroy();
        }
      }
    });
    const pingMs = this.o.pingMs ?? 5000;
    const ping = setInterval(() => {
      if (Date.now() - lastHeard > pingMs * 3) socket.destroy();
      else if (this.current(socket)?.name === 'up') socket.write(encodeFrame({ t: 'ping' }));
    }, pingMs);
    socket.on('close', () => {
      const s = this.current(socket);
      if (!s) {
        clearInterval(ping);
        return;
      }
      this.drop(s);
      const max = this.o.backoffMaxMs ?? 10_000;
      // After a session the first retry waits the least; failed attempts double the wait.
      const backoff = s.name === 'up' ? this.minBackoff() : s.backoff;
      const wait = refusal ? max : backoff;
      const retry = setTimeout(() => this.reconnect(Math.min(backoff * 2, max)), wait);
      retry.unref();
      if (!this.move({ name: refusal ?? 'down', retry })) clearTimeout(retry);
    });
    return { socket, ping };
  }
}
