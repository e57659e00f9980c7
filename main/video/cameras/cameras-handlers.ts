/** Contract handlers of the cameras domain: the inventory in force, its imports and their history. */
import { z } from 'zod';
import { MAX_IMPORT_BYTES } from '../../../common/contract';
import { ok, type Result } from '../../../common/result';
import { defineChannels, type EventAccess } from '../../platform/ipc/module';
import { base64, text } from '../../platform/ipc/shapes';
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

/** Every console and wall page learns of a new inventory (the map and the tree show no picture). */
export const camerasEvents: EventAccess<'cameras:changed'> = { 'cameras:changed': 'session' };

export interface CamerasDeps {
  inventory: InventoryStore;
  actor: (clientId: string) => RegistryActor | null;
  /** Inline by default; in a worker thread on a post. */
  check?: ImportCheck;
}

export function camerasHandlers(d: CamerasDeps) {
  const { inventory, actor, check = inline } = d;
  return defineChannels('cameras', {
    'cameras:list': { access: 'session', input: z.undefined(), handle: () => ok(inventory.view()) },
    'cameras:preview-import': {
      access: 'inventory',
      input: z.strictObject({
        fileName: text({ min: 1, max: 260 }),
        contentBase64: base64(MAX_IMPORT_BYTES),
      }),
      handle: async (p) => {
        const against = inventory.inForce();
        const bytes = Buffer.from(p.contentBase64, 'base64');
        const checked = await check(p.fileName, bytes, inventory.diffBase());
        if (!checked.ok) return checked; // the post is busy, or the check ran past its deadline
        return inventory.previewChecked(p.fileName, checked.value, against);
      },
    },
    'cameras:apply-import': {
      access: 'inventory',
      input: z.strictObject({ previewId: text({ min: 1, max: 64 }) }),
      handle: (p, ctx) => inventory.apply(p.previewId, undefined, actor(ctx.clientId)),
    },
    'cameras:history': { access: 'inventory', input: z.undefined(), handle: () => ok(inventory.history()) },
  });
}
