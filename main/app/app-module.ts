/** The app domain's module: what the console shows of the post itself. */
import { z } from 'zod';
import type { ChannelsOf } from '../../common/contract';
import { ok } from '../../common/result';
import { defineChannels, type Module } from '../platform/ipc/module';

export function createApp(d: {
  version: string;
  host: 'electron' | 'browser';
  demo: () => boolean;
}): Module<ChannelsOf<'app'>> {
  const handlers = defineChannels('app', {
    'app:info': {
      access: 'public',
      input: z.undefined(),
      handle: () => ok({ version: d.version, host: d.host, demo: d.demo() }),
    },
  });
  return { handlers, events: {} };
}
