/** Contract handlers of the streams domain: the video socket's address and the streams' states. */
import type { ChannelsOf } from '../../../common/contract';
import { err, ok } from '../../../common/result';
import type { Handlers } from '../../platform/ipc/router';
import type { StreamGateway } from './gateway';

export function streamsHandlers(
  gateway: StreamGateway,
  url: string,
  videoToken: (clientId: string) => string | null,
): Pick<Handlers, ChannelsOf<'streams'>> {
  return {
    'streams:endpoint': (_p, ctx) => {
      const token = videoToken(ctx.clientId);
      return token ? ok({ url, token }) : err('forbidden', { reason: 'images' });
    },
    'streams:statuses': () => ok(gateway.statuses()),
  };
}
