/**
 * A camera file's bytes → the inventory it holds and how it differs from the cameras in force. Pure,
 * so that a post runs it in a worker thread (main/jobs: `cameras.check`): decoding, validating and
 * diffing a 4 MiB annex takes a second or more, which the thread that fans video out never waits.
 */
import type { InventoryDiff } from '../../../common/contract';
import { diffInventories } from './inventory-diff';
import { decodeImport } from './inventory-decode';
import { parseInventoryFile } from './inventory-parse';
import type { Camera, Inventory, InventoryProblem } from './inventory-schema';

export type CheckedImport =
  { ok: true; inventory: Inventory; diff: InventoryDiff } | { ok: false; problems: InventoryProblem[] };

export function checkImport(fileName: string, bytes: Uint8Array, inForce: readonly Camera[]): CheckedImport {
  const decoded = decodeImport(bytes);
  const parsed = decoded.ok
    ? parseInventoryFile(fileName, decoded.text)
    : { ok: false as const, problems: [decoded.problem] };
  if (!parsed.ok) return parsed;
  return {
    ok: true,
    inventory: parsed.inventory,
    diff: diffInventories([...inForce], parsed.inventory.cameras),
  };
}

/** The inventory's job by name: the post's table (main/app/post-jobs.ts) holds it. */
export const CAMERAS_JOBS = {
  'cameras.check': {
    run: async (p: { fileName: string; bytes: Uint8Array; inForce: Camera[] }) =>
      checkImport(p.fileName, p.bytes, p.inForce),
  },
};
