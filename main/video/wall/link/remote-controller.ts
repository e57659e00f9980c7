/**
 * The console's end of the wall link: a WallController for a wall on a rack PC. Explicit link
 * state machine (connecting → up → down → connecting …; a refusal names the side whose pin does
 * not match: `refused-by-wall` or `wall-pin-mismatch`), reconnecting with backoff. On every (re)connection the node's own state is read first and adopted: the
 * console never pushes anything on connect, so a console restart never blanks the wall.
 */
import tls from 'node:tls';
import type { DisplayCommand, DisplayInfo } from '../../../../common/display';
import { err, type Result } from '../../../../common/result';
import type { WallLink, WallState } from '../../../../common/wall';
import { createLogger } from '../../../platform/log/logger';
import type { RegistryActor } from '../../../records/registry/registry';
import type { WallCommand, WallController } from '../controller';
import type { DisplayControl } from '../display/display-control';
import { FrameReader, encodeFrame } from './frames';
import { toConsoleSchema, wallStateSchema, type Shown } from './protocol';

const log = createLogger('wall-link');

type LinkState = Exclude<WallLink, 'local'>;
/** Why a connection ended refused: the rack PC's pin, or this console's. */
type Refusal = Extract<LinkState, 'refused-by-wall' | 'wall-pin-mismatch'>;
const NEXT: Record<LinkState, readonly LinkState[]> = {
  connecting: ['up', 'down', 'refused-by-wall', 'wall-pin-mismatch'],
  // This console checks the rack PC's certificate before anything else: a mismatch is never up.
  up: ['down', 'refused-by-wall'],
  down: ['connecting'],
  'refused-by-wall': ['connecting'],
  'wall-pin-mismatch': ['connecting'],
};
/** The error reason of each refusal (common/errors.ts). */
const REFUSAL_REASON: Record<Refusal, string> = {
  'refused-by-wall': 'refused_by_wall',
  'wall-pin-mismatch': 'wall_pin_mismatch',
};
const isRefusal = (s: LinkState): s is Refusal => s === 'refused-by-wall' || s === 'wall-pin-mismatch';

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
  private linkState: LinkState = 'connecting';
  private last: WallState | null = null;
  private displayInfo: DisplayInfo | null = null;
  private shownNow: Shown = [];
  private socket: tls.TLSSocket | null = null;
  private session: string | null = null;
  private seq = 0;
  private readonly pending = new Map<number, Pending>();
  private readonly listeners = new Set<(s: WallState | null, l: WallLink) => void>();
  private backoff: number;
  private retry: NodeJS.Timeout | null = null;
  private ping: NodeJS.Timeout | null = null;
  private closed = false;

  /** Where the rack PC is and the fingerprint it must show (the self-test reports both). */
  target(): { address: string; fingerprint: string } {
    return { address: `${this.o.host}:${this.o.port}`, fingerprint: this.o.pin };
  }

  constructor(private readonly o: RemoteWallOptions) {
    this.backoff = o.backoffMinMs ?? 500;
    this.connect();
  }

  link(): WallLink {
    return this.linkState;
  }

  state(): WallState | null {
    return this.last;
  }

  info(): DisplayInfo | null {
    return this.displayInfo;
  }

  /** What the rack PC's wall page shows per tile; empty while the link is not up. */
  shown(): Shown {
    return this.linkState === 'up' ? this.shownNow : [];
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
    this.closed = true;
    if (this.retry) clearTimeout(this.retry);
    this.socket?.destroy();
    return Promise.resolve();
  }

  private request(m: { t: 'cmd' | 'display'; cmd: unknown; by: RegistryActor }): Promise<Result<unknown>> {
    const socket = this.socket;
    const state = this.linkState;
    if (state !== 'up' || !socket || !this.session)
      return Promise.resolve(
        isRefusal(state)
          ? err('wall_unreachable', { reason: REFUSAL_REASON[state] })
          : err('wall_unreachable'),
      );
    const seq = ++this.seq;
    const by = { login: m.by.login, name: m.by.name, rank: m.by.rank, service: m.by.service };
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.pending.delete(seq);
        resolve(err('wall_unreachable', { reason: 'timeout' }));
      }, this.o.commandTimeoutMs ?? 5000);
      this.pending.set(seq, { resolve, timer });
      socket.write(encodeFrame({ ...m, by, session: this.session, seq }));
    });
  }

  private move(to: LinkState): void {
    if (to === this.linkState) return;
    if (!NEXT[this.linkState].includes(to)) {
      log.error(`wall link: no transition ${this.linkState} → ${to}`);
      return;
    }
    log.info(`wall link ${this.o.host}:${this.o.port}: ${this.linkState} → ${to}`);
    this.linkState = to;
    this.emit();
  }

  private emit(): void {
    for (const l of this.listeners)
      try {
        l(this.last, this.linkState);
      } catch (e) {
        log.error('wall listener failed', e);
      }
  }

  private connect(): void {
    if (this.closed) return;
    this.move('connecting');
    const socket = tls.connect({
      host: this.o.host,
      port: this.o.port,
      key: this.o.key,
      cert: this.o.cert,
      // No CA: the node's certificate is checked against the pin before anything is sent.
      rejectUnauthorized: false,
      minVersion: 'TLSv1.3',
    });
    this.socket = socket;
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
        const msg = m.data;
        if (msg.t === 'hello') {
          this.session = msg.session;
          this.seq = 0;
          this.last = msg.state;
          this.displayInfo = msg.display;
          this.shownNow = [];
          this.backoff = this.o.backoffMinMs ?? 500;
          this.move('up');
        } else if (msg.t === 'state') {
          this.last = msg.state;
          this.emit();
        } else if (msg.t === 'result') {
          const p = this.pending.get(msg.seq);
          if (!p) continue;
          clearTimeout(p.timer);
          this.pending.delete(msg.seq);
          p.resolve(msg.result as Result<unknown>);
        } else if (msg.t === 'shown') {
          this.shownNow = msg.shown;
          this.emit();
        } else if (msg.t === 'refused') {
          log.warn('wall link: the node refuses this console (its --peer-pin is not this post)');
          refusal = 'refused-by-wall';
          socket.destroy();
        }
      }
    });
    const pingMs = this.o.pingMs ?? 5000;
    this.ping = setInterval(() => {
      if (Date.now() - lastHeard > pingMs * 3) socket.destroy();
      else if (this.linkState === 'up') socket.write(encodeFrame({ t: 'ping' }));
    }, pingMs);
    socket.on('close', () => {
      if (this.ping) clearInterval(this.ping);
      this.session = null;
      for (const [, p] of this.pending) {
        clearTimeout(p.timer);
        p.resolve(err('wall_unreachable'));
      }
      this.pending.clear();
      if (this.socket === socket) this.socket = null;
      this.move(refusal ?? 'down');
      if (this.closed) return;
      const wait = refusal ? (this.o.backoffMaxMs ?? 10_000) : this.backoff;
      this.backoff = Math.min(this.backoff * 2, this.o.backoffMaxMs ?? 10_000);
      this.retry = setTimeout(() => this.connect(), wait);
      this.retry.unref();
    });
  }
}
