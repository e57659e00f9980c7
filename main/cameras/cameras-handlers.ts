/** Contract handlers of the cameras domain: the inventory in force, its imports and their history. */
import type { ChannelsOf } from '../../common/contract';
import { ok } from '../../common/result';
import type { Handlers } from '../ipc/router';
import type { RegistryActor } from '../registry/registry';
import type { InventoryStore } from './inventory-store';

export function camerasHandlers(
  inventory: InventoryStore,
  actor: (clientId: string) => RegistryActor | null,
): Pick<Handlers, ChannelsOf<'cameras'>> {
  return {
    'cameras:list': () => ok(inventory.view()),
    'cameras:preview-import': (p) => inventory.preview(p.fileName, Buffer.from(p.contentBase64, 'base64')),
    'cameras:apply-import': (p, ctx) => inventory.apply(p.previewId, undefined, actor(ctx.clientId)),
    'cameras:history': () => ok(inventory.history()),
  };
}
