/** Contract handlers of the cameras domain: the inventory in force, its imports and their history. */
import type { ChannelsOf } from '../../../common/contract';
import { ok, type Result } from '../../../common/result';
import type { Handlers } from '../../platform/ipc/router';
import type { RegistryActor } from '../../records/registry/registry';
import { checkImport, type CheckedImport } from './inventory-check';
import type { Camera } from './inventory-schema';
import type { InventoryStore } from './inventory-store';

/** Checks an imported file: in a worker thread with a deadline on a post (main/jobs: `cameras.check`). */
export type ImportCheck = (
  fileName: string,
  bytes: Buffer,
  inForce: readonly Camera[],
) => Promise<Result<CheckedImport>>;

const inline: ImportCheck = (fileName, bytes, inForce) =>
  Promise.resolve(ok(checkImport(fileName, bytes, inForce)));

export function camerasHandlers(
  inventory: InventoryStore,
  actor: (clientId: string) => RegistryActor | null,
  check: ImportCheck = inline,
): Pick<Handlers, ChannelsOf<'cameras'>> {
  return {
    'cameras:list': () => ok(inventory.view()),
    'cameras:preview-import': async (p) => {
      const against = inventory.inForce();
      const checked = await check(p.fileName, Buffer.from(p.contentBase64, 'base64'), inventory.diffBase());
      if (!checked.ok) return checked; // the post is busy, or the check ran past its deadline
      return inventory.previewChecked(p.fileName, checked.value, against);
    },
    'cameras:apply-import': (p, ctx) => inventory.apply(p.previewId, undefined, actor(ctx.clientId)),
    'cameras:history': () => ok(inventory.history()),
  };
}
