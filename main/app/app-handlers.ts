/** Contract handler of the app domain: what the console shows of the post itself. */
import type { ChannelsOf } from '../../common/contract';
import { ok } from '../../common/result';
import type { InventoryStore } from '../video/cameras/inventory-store';
import type { Handlers } from '../platform/ipc/router';

export function appHandlers(
  o: { version: string; host: 'electron' | 'browser' },
  inventory: InventoryStore,
): Pick<Handlers, ChannelsOf<'app'>> {
  return {
    'app:info': () => ok({ version: o.version, host: o.host, demo: inventory.view().demo }),
  };
}
