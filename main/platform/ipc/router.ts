/**
 * Dispatches invokes; shared by the Electron and WebSocket transports. For each call, in order:
 * the channel's def (module.ts), the caller's right to it (the gate reads the def's access), its
 * payload against the def's schema, the def's rate limit, then its handler.
 */
import { createLogger } from '../log/logger';
import {
  isChannel,
  type Channel,
  type RequestOf,
  type ResponseOf,
  type EventMap,
  type EventName,
} from '../../../common/contract';
import type { Access, ChannelDef, ChannelDefs } from './module';
import { RateLimiter, type Bucket } from './rate-limit';
import { textIssueReason } from './shapes';
import { err, type Result } from '../../../common/result';
import { ERROR_REASONS, type ErrorCode } from '../../../common/errors';
import { storageErrorCode } from '../storage/atomic-write';
import { pgUnreachable } from '../storage/pg-errors';

const log = createLogger('ipc');

/** Why main asks a transport to close one of its clients. */
export type ClientCloseReason = 'wall_key_tries';

/** What a handler may ask of the transport a call came through. */
export interface CallTransport {
  /**
   * Closes the calling client once this call's answer is sent: the browser host closes its
   * socket, Electron ends the window's client state and reloads its page. Either way main forgets
   * the client as on a disconnect, and its page starts afresh.
   */
  closeClient(reason: ClientCloseReason): void;
}

/** Who is calling: one client per window (Electron webContents, or browser-host socket). */
export interface CallContext {
  clientId: string;
  /** The caller's transport; absent only when a test calls the router directly. */
  transport?: CallTransport;
}

export type Handler<C extends Channel> = (
  payload: RequestOf<C>,
  ctx: CallContext,
) => Promise<Result<ResponseOf<C>>> | Result<ResponseOf<C>>;
/** Main's own gate before any payload is read: a refusal, or null to proceed. */
export type Gate = (access: Access, ctx: CallContext, channel: Channel) => Result<never> | null;

export interface EventSink {
  emit<E extends EventName>(event: E, payload: EventMap[E]): void;
}

export class Router {
  /** Only well-formed calls spend a rate limit (main/platform/ipc/rate-limit.ts). */
  private readonly limits: RateLimiter;

  constructor(
    /** Every channel's def (mergeModules), or a domain's alone in its tests. */
    private readonly defs: Partial<ChannelDefs>,
    private readonly gate: Gate = () => null,
  ) {
    const buckets: Partial<Record<string, Bucket>> = {};
    for (const [channel, def] of Object.entries(defs)) if (def?.limit) buckets[channel] = def.limit;
    this.limits = new RateLimiter(buckets);
  }

  async dispatch(channel: unknown, payload: unknown, ctx: CallContext): Promise<Result<unknown>> {
    if (!isChannel(channel)) return err('unknown_channel');
    const def = this.defs[channel] as ChannelDef<Channel> | undefined;
    if (!def) return err('unknown_channel');
    const refused = this.gate(def.access, ctx, channel);
    if (refused) return refused;
    const parsed = def.input.safeParse(payload);
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      const field = first?.path.join('.') ?? '';
      const reason = textIssueReason(first);
      return reason ? err('text_invalid', { field, reason }) : err('invalid_payload', { field });
    }
    if (!this.limits.take(ctx.clientId, channel)) return err('too_many_requests');
    try {
      return await def.handle(parsed.data as never, ctx);
    } catch (e) {
      const coded = codedFailure(e);
      if (coded) {
        log.warn(`handler ${channel} refused: ${coded.error.code}`);
        return coded;
      }
      log.error(`handler ${channel} failed`, e);
      return err('internal');
    }
  }
}

/**
 * A thrown error that carries an application code and reason (the registry's refusal while it
 * cannot write: main/records/registry/registry-health.ts) answers with that code, and a full disk
 * (ENOSPC, SQLITE_FULL) with `disk_full`, the shared database out of reach with `store_unreachable`:
 * not `internal`.
 */
function codedFailure(e: unknown): ReturnType<typeof err> | null {
  // A full disk is said as such (nothing was saved), never as an internal error.
  if (e instanceof Error && storageErrorCode(e) === 'disk_full' && !('appCode' in e)) return err('disk_full');
  // So is the CIC's shared database out of reach (--store): nothing was saved.
  if (pgUnreachable(e)) return err('store_unreachable');
  const { appCode, reason } = (e ?? {}) as { appCode?: unknown; reason?: unknown };
  if (typeof appCode !== 'string' || !Object.hasOwn(ERROR_REASONS, appCode)) return null;
  const reasons: readonly string[] = ERROR_REASONS[appCode as ErrorCode];
  return err(
    appCode as ErrorCode,
    typeof reason === 'string' && reasons.includes(reason) ? { reason } : undefined,
  );
}

/** Whether a push may reach a client (its module's rule for it, or addressed to it): each transport asks. */
export type PushFilter = (clientId: string, event: EventName, target: string | null) => boolean;

/** A transport's receiver of pushes; `target` names the one client a push is for, or null for all. */
export type PushSink = (event: EventName, payload: unknown, target: string | null) => void;

/** Fan-out of pushes; each transport filters them per client (each module's event access) before sending. */
export class EventHub implements EventSink {
  private readonly sinks = new Set<PushSink>();

  add(sink: PushSink): () => void {
    this.sinks.add(sink);
    return () => this.sinks.delete(sink);
  }

  emit<E extends EventName>(event: E, payload: EventMap[E]): void {
    for (const sink of this.sinks) sink(event, payload, null);
  }

  /** A push for one client only (its own session changed). */
  emitTo<E extends EventName>(clientId: string, event: E, payload: EventMap[E]): void {
    for (const sink of this.sinks) sink(event, payload, clientId);
  }
}
