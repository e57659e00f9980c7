/**
 * The renderer's calls to main, one function per channel, derived from the contract:
 * `rpc.<domain>.<verb>(payload)` invokes `<domain>:<verb>`, a kebab verb in camelCase
 * (`rpc.cameras.previewImport(…)`). No channel name is spelled in the renderer.
 */
import {
  CHANNELS,
  type Channel,
  type ChannelDomain,
  type ChannelsOf,
  type RequestOf,
  type ResponseOf,
  type VigieApi,
} from '../../common/contract';
import type { Result } from '../../common/result';

/** `preview-import` → `previewImport`. */
export type CamelCase<S extends string> = S extends `${infer Head}-${infer Tail}`
  ? `${Head}${Capitalize<CamelCase<Tail>>}`
  : S;
type VerbOf<C extends string> = C extends `${string}:${infer Verb}` ? Verb : never;

/** An invoke that takes no payload is called with none. */
export type Call<C extends Channel> = (
  ...payload: RequestOf<C> extends undefined ? [] : [RequestOf<C>]
) => Promise<Result<ResponseOf<C>>>;

export type Rpc = {
  [D in ChannelDomain]: { [C in ChannelsOf<D> as CamelCase<VerbOf<C>>]: Call<C> };
};

export const camelCase = (verb: string): string =>
  verb.replace(/-([a-z0-9])/g, (_m, c: string) => c.toUpperCase());

export function createRpc(api: Pick<VigieApi, 'invoke'>): Rpc {
  const rpc: Record<string, Record<string, (payload?: unknown) => unknown>> = {};
  for (const channel of CHANNELS) {
    const at = channel.indexOf(':');
    const domain = (rpc[channel.slice(0, at)] ??= {});
    domain[camelCase(channel.slice(at + 1))] = (payload?: unknown) =>
      api.invoke(channel, payload as RequestOf<typeof channel>);
  }
  return rpc as Rpc;
}
