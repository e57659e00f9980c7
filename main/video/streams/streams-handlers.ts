/** Contract handlers of the streams domain: the video socket's address and the streams' states. */
import { z } from 'zod';
import { err, ok } from '../../../common/result';
import { defineChannels, type EventAccess } from '../../platform/ipc/module';
import type { StreamGateway } from './gateway';

export const streamsEvents: EventAccess<'streams:status'> = { 'streams:status': 'view' };

export function streamsHandlers(d: {
  gateway: Pick<StreamGateway, 'statuses'>;
  url: string;
  videoToken: (clientId: string) => string | null;
}) {
  const { gateway, url, videoToken } = d;
  return defineChannels('streams', {
    'streams:endpoint': {
      access: 'view',
      input: z.undefined(),
      handle: (_p, ctx) => {
        const token = videoToken(ctx.clientId);
        return token ? ok({ url, token }) : err('forbidden', { reason: 'images' });
      },
    },
    'streams:statuses': { access: 'view', input: z.undefined(), handle: () => ok(gateway.statuses()) },
  });
}
