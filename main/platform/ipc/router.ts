/** Validates payloads and dispatches invokes; shared by the Electron and WebSocket transports. */
import { createLogger } from '../log/logger';
import {
  isChannel,
  type Channel,
  type RequestOf,
  type ResponseOf,
  type EventMap,
  type EventName,
} from '../../../common/contract';
import { requestSchemas } from './schemas';
import { textIssueReason } from './shapes';
import { err, type Result } from '../../../common/result';

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
export type Handlers = { [C in Channel]: Handler<C> };
/** Main's own gate before any handler: returns a refusal, or null to proceed. */
export type Gate = (channel: Channel, ctx: CallContext) => Result<never> | null;

export interface EventSink {
  emit<E extends EventName>(event: E, payload: EventMap[E]): void;
}

export class Router {
  constructor(
    private readonly handlers: Handlers,
    private readonly gate: Gate = () => null,
    /** After validation, before the handler: only well-formed calls spend a rate limit (main/ipc/rate-limit.ts). */
    private readonly limit: Gate = () => null,
  ) {}

  async dispatch(channel: unknown, payload: unknown, ctx: CallContext): Promise<Result<unknown>> {
    if (!isChannel(channel)) return err('unknown_channel');
    const refused = this.gate(channel, ctx);
    if (refused) return refused;
    const parsed = requestSchemas[channel].safeParse(payload);
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      const field = first?.path.join('.') ?? '';
      const reason = textIssueReason(first);
      return reason ? err('text_invalid', { field, reason }) : err('invalid_payload', { field });
    }
    const limited = this.limit(channel, ctx);
    if (limited) return limited;
    try {
      const handler = this.handlers[channel] as Handler<Channel>;
      return await handler(parsed.data as never, ctx);
    } catch (e) {
      log.error(`handler ${channel} failed`, e);
      return err('internal');
    }
  }
}

/** A transport's receiver of pushes; `target` names the one client a push is for, or null for all. */
export type PushSink = (event: EventName, payload: unknown, target: string | null) => void;

/** Fan-out of pushes; each transport filters them per client through EVENT_ACCESS before sending. */
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
