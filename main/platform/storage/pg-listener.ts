/**
 * One `LISTEN` connection to the shared PostgreSQL store, kept open: when the server goes away it
 * is re-opened with backoff (logged, never thrown), and `reconnected` runs once it listens again,
 * since notifications may have been missed meanwhile: whoever keeps a cache reads it all again.
 * The PTZ lease store and the posts' shared records (pg-records.ts) both listen through it.
 */
import pg from 'pg';
import type { Logger } from '../log/logger';
import { allowed, type Transitions } from '../state/transitions';
import { pgFailure } from './pg-errors';

export { pgFailure };

const TIMEOUT_MS = 5_000;
const RETRY_MIN_MS = 250;
const RETRY_MAX_MS = 5_000;

/**
 * The LISTEN connection: `connecting` (the first time), `listening`, `lost` (a retry is due),
 * `reconnecting` (everything is re-read once it listens again), and `closed` with its owner.
 */
export type ListenerName = 'connecting' | 'listening' | 'lost' | 'reconnecting' | 'closed';
export const LISTENER_TRANSITIONS: Transitions<ListenerName> = {
  connecting: ['listening', 'lost', 'closed'],
  listening: ['lost', 'closed'],
  lost: ['reconnecting', 'closed'],
  reconnecting: ['listening', 'lost', 'closed'],
  closed: [],
};
/** Each state with its data; `retryMs` is the wait before the next attempt if this one fails. */
type State =
  | { name: 'connecting' | 'reconnecting'; client: pg.Client; retryMs: number }
  | { name: 'listening'; client: pg.Client }
  | { name: 'lost'; retry: NodeJS.Timeout }
  | { name: 'closed' };

export interface PgListenerOptions {
  url: string;
  channel: string;
  /** What the logs call it ("lease store listener"). */
  what: string;
  log: Logger;
  notified: (payload: string | undefined) => void;
  /** It listens again after a loss: notifications may have been missed. */
  reconnected: () => void;
  /** It was lost (the shared store is away until `reconnected`). */
  lost?: () => void;
}

export class PgListener {
  private state: State;
  /** Who waits for the connection to be up. */
  private waiting: (() => void)[] = [];

  constructor(private readonly o: PgListenerOptions) {
    this.state = { name: 'connecting', client: this.listen(), retryMs: RETRY_MIN_MS };
  }

  get name(): ListenerName {
    return this.state.name;
  }

  /** Resolves once the LISTEN connection is up. */
  whenListening(): Promise<void> {
    return this.state.name === 'listening' ? Promise.resolve() : new Promise((r) => this.waiting.push(r));
  }

  /** Enters `next` when the table allows it (an illegal move throws in tests, is logged otherwise). */
  private move(next: State): boolean {
    if (!allowed(LISTENER_TRANSITIONS, this.state.name, next.name, { what: this.o.what, log: this.o.log }))
      return false;
    this.state = next;
    return true;
  }

  /** The state this client is in, or null once it is no longer the newest connection. */
  private newest(c: pg.Client): Extract<State, { client: pg.Client }> | null {
    return 'client' in this.state && this.state.client === c ? this.state : null;
  }

  /** Opens a LISTEN connection; its events drive the state while it is the newest one. */
  private listen(): pg.Client {
    const c = new pg.Client({ connectionString: this.o.url, connectionTimeoutMillis: TIMEOUT_MS });
    c.on('error', (e) => this.drop(c, e));
    c.on('end', () => this.drop(c, null));
    c.on('notification', (m) => this.o.notified(m.payload));
    c.connect()
      .then(() => c.query(`LISTEN ${this.o.channel}`))
      .then(
        () => this.listening(c),
        (e: unknown) => this.drop(c, e),
      );
    return c;
  }

  private listening(c: pg.Client): void {
    const s = this.newest(c);
    if (!s || !this.move({ name: 'listening', client: c })) return;
    if (s.name === 'reconnecting') {
      this.o.log.info(`${this.o.what} reconnected`);
      this.o.reconnected();
    }
    for (const w of this.waiting.splice(0)) w();
  }

  private reconnect(retryMs: number): void {
    if (this.state.name === 'lost') this.move({ name: 'reconnecting', client: this.listen(), retryMs });
  }

  /** Only the newest connection counts: a late 'end' from an older one changes nothing. */
  private drop(c: pg.Client, e: unknown): void {
    c.removeAllListeners('notification');
    c.end().catch(() => undefined);
    const s = this.newest(c);
    if (!s) return;
    if (s.name !== 'reconnecting') {
      this.o.log.warn(`${this.o.what} lost (${e ? pgFailure(e) : 'closed'}); reconnecting`);
      this.o.lost?.();
    }
    const wait = s.name === 'listening' ? RETRY_MIN_MS : s.retryMs;
    const retry = setTimeout(() => this.reconnect(Math.min(wait * 2, RETRY_MAX_MS)), wait);
    if (!this.move({ name: 'lost', retry })) clearTimeout(retry);
  }

  async close(): Promise<void> {
    const was = this.state;
    if (was.name === 'closed') return;
    this.move({ name: 'closed' });
    if (was.name === 'lost') clearTimeout(was.retry);
    if ('client' in was) await was.client.end().catch(() => undefined);
  }
}
