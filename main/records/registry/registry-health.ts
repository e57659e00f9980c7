/**
 * Whether the registry can write, as an explicit state machine: `writing`, or `unable` (the data
 * directory's disk is full, or any other storage failure) from the first failed write until one
 * succeeds again. Article 2: nothing is displayed that is not recorded. While unable:
 * - every access that needs a new entry (login, unlock, camera call…) is refused with
 *   `registry_unable_to_write`, and counted;
 * - an end of access (end of viewing, logout, lock) is kept in memory, stamped with its time;
 * - a probe retries every `probeMs`: its first success writes, in one transaction, a
 *   `registry.outage` entry (from, to, refused, deferred) then every end kept, and the state goes
 *   back to `writing` by itself. A failed write is rolled back whole: nothing half-written.
 */
import type { RegistryHealthView } from '../../../common/contract';
import { createLogger } from '../../platform/log/logger';
import { Listeners } from '../../platform/signal';
import type { RegistryInput } from './registry';

const log = createLogger('registry');

export type UnableReason = 'disk_full' | 'write_error';

/** SQLite's primary result codes that mean the storage itself failed. */
const SQLITE_READONLY = 8;
const SQLITE_IOERR = 10;
const SQLITE_FULL = 13;
const SQLITE_CANTOPEN = 14;

/** The refusal every caller gets while the registry cannot write; the router answers its code. */
export class RegistryWriteError extends Error {
  readonly appCode = 'registry_unable_to_write';
  /** ENOSPC for a full disk: the storage codes (`disk_full`) and the self-test read it. */
  readonly code: 'ENOSPC' | 'EIO';
  constructor(
    readonly reason: UnableReason,
    cause?: unknown,
  ) {
    super(`registry cannot write (${reason})`, cause === undefined ? undefined : { cause });
    this.code = reason === 'disk_full' ? 'ENOSPC' : 'EIO';
  }
}

/** A failure of the storage (full, I/O, read-only): its reason; anything else is not the disk's. */
export function unableReason(e: unknown): UnableReason | null {
  const x = e as { code?: unknown; errcode?: unknown } | null;
  if (x?.code === 'ENOSPC') return 'disk_full';
  if (x?.code !== 'ERR_SQLITE_ERROR' || typeof x.errcode !== 'number') return null;
  const primary = x.errcode & 0xff;
  if (primary === SQLITE_FULL) return 'disk_full';
  if (primary === SQLITE_IOERR || primary === SQLITE_READONLY || primary === SQLITE_CANTOPEN)
    return 'write_error';
  return null;
}

export interface WriteHealthDeps {
  /** Writes these entries in one transaction: all of them, or none. */
  writeAll(entries: RegistryInput[]): void;
  /** How often a registry unable to write tries again (ms). */
  probeMs?: number;
  /** Ends of access kept in memory at most; past it the oldest are dropped, and counted. */
  maxPending?: number;
}

type State =
  | { state: 'writing' }
  /** The registry was closed (the post stops): every write is a programming error, thrown. */
  | { state: 'closed' }
  | {
      state: 'unable';
      reason: UnableReason;
      since: string;
      refused: number;
      pending: RegistryInput[];
      dropped: number;
      timer: NodeJS.Timeout;
    };

export const PROBE_MS = 2000;
const MAX_PENDING = 10_000;

export class WriteHealth {
  private s: State = { state: 'writing' };
  private readonly listeners = new Listeners<RegistryHealthView>((e) =>
    log.error('registry health listener failed', e),
  );

  constructor(private readonly d: WriteHealthDeps) {}

  view(): RegistryHealthView {
    const s = this.s;
    if (s.state !== 'unable') return { state: 'writing' };
    return {
      state: 'unable',
      reason: s.reason,
      since: s.since,
      refused: s.refused,
      pending: s.pending.length,
    };
  }

  /** Told when the state changes (not at each refusal: `view()` counts them). */
  onChange(listener: (v: RegistryHealthView) => void): () => void {
    return this.listeners.add(listener);
  }

  /** One write that opens an access: refused at once while the registry cannot write. */
  write<T>(fn: () => T): T {
    const s = this.s;
    if (s.state === 'unable' && !this.recover()) {
      s.refused++;
      throw new RegistryWriteError(s.reason);
    }
    try {
      return fn();
    } catch (e) {
      const reason = unableReason(e);
      if (!reason) throw e;
      this.fail(reason).refused++;
      throw new RegistryWriteError(reason, e);
    }
  }

  /** An end of access: written now if the registry can, else kept (stamped) until it can. */
  later(input: RegistryInput, write: (input: RegistryInput) => void): void {
    if (this.s.state === 'writing' || this.recover())
      try {
        write(input);
        return;
      } catch (e) {
        const reason = unableReason(e);
        if (!reason) throw e;
        this.fail(reason);
      }
    const u = this.s as Extract<State, { state: 'unable' }>;
    u.pending.push({ ...input, data: { ...input.data, occurredAt: new Date().toISOString() } });
    if (u.pending.length > (this.d.maxPending ?? MAX_PENDING)) {
      u.pending.shift();
      u.dropped++;
    }
  }

  /** Tries the outage entry and every end kept, in one transaction; true once they are written. */
  recover(): boolean {
    const s = this.s;
    if (s.state === 'closed') throw new Error('registry closed');
    if (s.state === 'writing') return true;
    const outage: RegistryInput = {
      type: 'registry.outage',
      data: {
        reason: s.reason,
        from: s.since,
        to: new Date().toISOString(),
        refused: s.refused,
        deferred: s.pending.length,
        dropped: s.dropped,
      },
    };
    try {
      this.d.writeAll([outage, ...s.pending]);
    } catch (e) {
      if (!unableReason(e)) log.error('registry: the outage entry could not be written', e);
      return false;
    }
    clearInterval(s.timer);
    this.s = { state: 'writing' };
    log.warn(`registry writes again (unable since ${s.since}, ${s.refused} access(es) refused)`);
    this.notify();
    return true;
  }

  stop(): void {
    if (this.s.state === 'unable') clearInterval(this.s.timer);
    this.s = { state: 'closed' };
  }

  private fail(reason: UnableReason): Extract<State, { state: 'unable' }> {
    if (this.s.state === 'unable') return this.s;
    if (this.s.state === 'closed') throw new Error('registry closed');
    const timer = setInterval(() => this.recover(), this.d.probeMs ?? PROBE_MS);
    timer.unref();
    const u: State = {
      state: 'unable',
      reason,
      since: new Date().toISOString(),
      refused: 0,
      pending: [],
      dropped: 0,
      timer,
    };
    this.s = u;
    log.error(`registry cannot write (${reason}): new accesses are refused until it can`);
    this.notify();
    return u;
  }

  private notify(): void {
    this.listeners.emit(this.view());
  }
}
