/**
 * The one typed contract between main and every renderer (Electron IPC or the browser host's
 * WebSocket). Pure TypeScript, no zod and no Node: imported by main, preload and renderer alike.
 *
 * Each domain writes its invokes and pushes once, one line each, in its own file here
 * (`'<domain>:<verb>': channel<Request, Response>()`); everything else is derived
 * below: the request and response maps, the channel set, the event map and the event names.
 * Invokes are `domain:verb`; in main, each channel's schema, right and handler sit together in its
 * domain's handler module (main/platform/ipc/module.ts).
 */
import type { Result } from '../result';
import { appChannels } from './app';
import { authChannels, authEvents } from './auth';
import { camerasChannels, camerasEvents } from './cameras';
import { contactsChannels, contactsEvents } from './contacts';
import { incidentsChannels, incidentsEvents } from './incidents';
import { instructionsChannels, instructionsEvents } from './instructions';
import { jobsEvents } from './jobs';
import { layoutChannels, layoutEvents } from './layout';
import { mapChannels, mapEvents } from './map';
import { operationsChannels, operationsEvents } from './operations';
import { operatorsChannels } from './operators';
import { ptzChannels, ptzEvents } from './ptz';
import { registryChannels, registryEvents } from './registry';
import { reportChannels, reportEvents } from './report';
import { selftestChannels, selftestEvents } from './selftest';
import { streamsChannels, streamsEvents } from './streams';
import { wallChannels, wallEvents } from './wall';

export * from './app';
export * from './auth';
export * from './cameras';
export * from './contacts';
export * from './incidents';
export * from './instructions';
export * from './jobs';
export * from './layout';
export * from './map';
export * from './operations';
export * from './operators';
export * from './ptz';
export * from './registry';
export * from './report';
export * from './selftest';
export * from './streams';
export * from './wall';
export type { ChannelSpec, EventSpec } from './spec';

/** Every invoke of every domain (a name in two domains would be caught by contract-files.test.ts). */
export const CHANNEL_SPECS = {
  ...appChannels,
  ...authChannels,
  ...operatorsChannels,
  ...camerasChannels,
  ...layoutChannels,
  ...streamsChannels,
  ...registryChannels,
  ...ptzChannels,
  ...wallChannels,
  ...selftestChannels,
  ...instructionsChannels,
  ...incidentsChannels,
  ...contactsChannels,
  ...operationsChannels,
  ...mapChannels,
  ...reportChannels,
};

/** Every push of every domain. */
export const EVENT_SPECS = {
  ...authEvents,
  ...camerasEvents,
  ...layoutEvents,
  ...streamsEvents,
  ...registryEvents,
  ...ptzEvents,
  ...wallEvents,
  ...instructionsEvents,
  ...incidentsEvents,
  ...contactsEvents,
  ...operationsEvents,
  ...mapEvents,
  ...reportEvents,
  ...jobsEvents,
  ...selftestEvents,
};

type ChannelSpecs = typeof CHANNEL_SPECS;
type EventSpecs = typeof EVENT_SPECS;

export type Channel = keyof ChannelSpecs;
/** What each invoke takes (`undefined`: nothing). */
export type RequestMap = { [C in Channel]: ChannelSpecs[C]['request'] };
/** What each invoke answers, inside its Result. */
export type ResponseMap = { [C in Channel]: ChannelSpecs[C]['response'] };
export type RequestOf<C extends Channel> = RequestMap[C];
export type ResponseOf<C extends Channel> = ResponseMap[C];

export const CHANNELS = Object.keys(CHANNEL_SPECS) as Channel[];
/** The domains that answer invokes: `registry` for the registry's channels… */
export type ChannelDomain = Channel extends `${infer D}:${string}` ? D : never;
/** The channels of one domain, derived from the contract (`registry` → every `registry:<verb>`). */
export type ChannelsOf<D extends string> = Extract<Channel, `${D}:${string}`>;

export type EventName = keyof EventSpecs;
export type EventMap = { [E in EventName]: EventSpecs[E]['payload'] };
export const EVENT_NAMES = Object.keys(EVENT_SPECS) as EventName[];
/** The pushes of one domain (`ptz` → `ptz:leases` | …). */
export type EventsOf<D extends string> = Extract<EventName, `${D}:${string}`>;

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && Object.hasOwn(CHANNEL_SPECS, value);
}
export function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && Object.hasOwn(EVENT_SPECS, value);
}

/** The API object the preload (or the WebSocket bridge) gives the renderer. */
export interface VigieApi {
  invoke<C extends Channel>(channel: C, payload?: RequestOf<C>): Promise<Result<ResponseOf<C>>>;
  on<E extends EventName>(event: E, listener: (payload: EventMap[E]) => void): () => void;
}
