/**
 * The one shape of a domain in main. For each channel it answers, one def holds the right the
 * caller needs, the zod schema of the payload and the handler, side by side; for each push it
 * emits, the right a client needs to receive it. `mergeModules` puts the post's modules together:
 * a channel answered twice or not at all, or a push with no rule, is an error.
 */
import type { z } from 'zod';
import {
  CHANNELS,
  EVENT_NAMES,
  type Channel,
  type ChannelDomain,
  type ChannelsOf,
  type EventName,
  type RequestOf,
} from '../../../common/contract';
import type { Permission } from '../../../common/roles';
import type { Bucket } from './rate-limit';
import type { Handler } from './router';

/**
 * What a call or a push needs. 'public': nothing; 'session': any unlocked session; 'locked-ok': a
 * session, even locked; 'wall-display': a wall page that presented the post's wall key
 * (main/video/wall/wall-displays.ts); otherwise a permission of the caller's role.
 */
export type Access = Permission | 'public' | 'session' | 'locked-ok' | 'wall-display';

export interface ChannelDef<C extends Channel> {
  access: Access;
  /** The payload's schema; the router validates every call with it before the handler runs. */
  input: z.ZodType<RequestOf<C>>;
  handle: Handler<C>;
  /** Heavy channels only (large answers, a worker thread per call): a rate limit per client. */
  limit?: Bucket;
}

export type ChannelDefs<C extends Channel = Channel> = { [K in C]: ChannelDef<K> };
/** The pushes a module emits, and the right a client needs to receive each. */
export type EventAccess<E extends EventName = EventName> = { [K in E]: Access };

export interface Module<C extends Channel = Channel, E extends EventName = never> {
  handlers: ChannelDefs<C>;
  events: EventAccess<E>;
  close?(): void | Promise<void>;
}

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/**
 * The schema checked against the contract both ways: what it lets through is the request type
 * (z.ZodType<RequestOf<C>> already says so), and every request is something it can let through
 * (a narrower enum or a forgotten optional field is a type error here).
 */
type BothWays<T> = {
  [K in keyof T]: K extends Channel
    ? T[K] extends { input: infer S extends z.ZodType }
      ? Same<z.output<S>, RequestOf<K>> extends true
        ? T[K]
        : { input: `the schema of ${K} drifts from the contract` }
      : T[K]
    : never;
};

/**
 * A domain's channel defs, every channel of the domain once (a missing one is a type error), each
 * schema checked against the contract both ways.
 */
export function defineChannels<D extends ChannelDomain, T extends ChannelDefs<ChannelsOf<D>>>(
  domain: D,
  defs: T & BothWays<T>,
): ChannelDefs<ChannelsOf<D>> {
  for (const channel of Object.keys(defs))
    if (!channel.startsWith(`${domain}:`)) throw new Error(`${channel} is not a ${domain} channel`);
  return defs;
}

/** Any module, whatever its channels and pushes. */
export interface AnyModule {
  handlers: Partial<ChannelDefs>;
  events: Partial<EventAccess>;
  close?(): void | Promise<void>;
}

export interface MergedModules {
  defs: ChannelDefs;
  events: EventAccess;
  /** Closes every module, the last merged first. */
  close(): Promise<void>;
}

/** Every channel has exactly one def and every push one rule, or the post does not start. */
export function mergeModules(modules: readonly AnyModule[]): MergedModules {
  const defs: Partial<Record<Channel, unknown>> = {};
  const events: Partial<EventAccess> = {};
  const twice: string[] = [];
  for (const m of modules) {
    for (const [channel, def] of Object.entries(m.handlers)) {
      if (Object.hasOwn(defs, channel)) twice.push(channel);
      defs[channel as Channel] = def;
    }
    for (const [event, access] of Object.entries(m.events)) {
      if (Object.hasOwn(events, event)) twice.push(event);
      events[event as EventName] = access;
    }
  }
  const missing = [
    ...CHANNELS.filter((c) => !Object.hasOwn(defs, c)),
    ...EVENT_NAMES.filter((e) => !Object.hasOwn(events, e)),
  ];
  const unknown = [
    ...Object.keys(defs).filter((c) => !(CHANNELS as string[]).includes(c)),
    ...Object.keys(events).filter((e) => !(EVENT_NAMES as string[]).includes(e)),
  ];
  if (twice.length > 0) throw new Error(`declared by two modules: ${twice.join(', ')}`);
  if (missing.length > 0) throw new Error(`declared by no module: ${missing.join(', ')}`);
  if (unknown.length > 0) throw new Error(`not in the contract: ${unknown.join(', ')}`);
  return {
    defs: defs as ChannelDefs,
    events: events as EventAccess,
    close: async () => {
      for (const m of [...modules].reverse()) await m.close?.();
    },
  };
}

/** A part of the post that answers no channel but must close with it (the registry, the job runner). */
export const resource = (close: () => void | Promise<void>): AnyModule => ({
  handlers: {},
  events: {},
  close,
});

/**
 * A post's modules, created one after the other by `build` (each handed to `use` as it is made) and
 * then merged. When one cannot be created, or the modules do not fit, those already made close, the
 * last first, before the error is thrown: a post that cannot start lets go of its sockets and timers.
 */
export async function composeModules<T>(
  build: (use: <M extends AnyModule>(m: M) => M) => Promise<T>,
): Promise<{ built: T; modules: MergedModules }> {
  const list: AnyModule[] = [];
  try {
    const built = await build((m) => {
      list.push(m);
      return m;
    });
    return { built, modules: mergeModules(list) };
  } catch (e) {
    for (const m of [...list].reverse()) await m.close?.();
    throw e;
  }
}
