/** Reading the post's checkpoint files: `verify` judges what they hold, wherever it runs. */
import fs from 'node:fs';
import path from 'node:path';
import { readFileSafe } from '../../platform/storage/safe-read';

/** A checkpoint is a few hundred bytes of JSON. */
const MAX_CHECKPOINT_BYTES = 64 * 1024;

/** The newest checkpoint file's content, unchecked (`null` when unreadable): `verify` judges it. */
export async function latestCheckpoint(dataDir: string): Promise<unknown> {
  const dir = path.join(dataDir, 'checkpoints');
  if (!fs.existsSync(dir)) return undefined;
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort();
  const last = files.at(-1);
  return last ? readCheckpointFile(path.join(dir, last), false) : undefined;
}

/**
 * A checkpoint's JSON, or null. Read with readFileSafe: a pipe, a device or a file past the cap is
 * refused within its deadline rather than waited on; a link is followed only for a file named on
 * the command line (`vigie registry verify --checkpoint FILE`).
 */
export async function readCheckpointFile(file: string, followLink = true): Promise<unknown> {
  const r = await readFileSafe(file, { maxBytes: MAX_CHECKPOINT_BYTES, followLink });
  if (!r.ok) return null;
  try {
    return JSON.parse(r.bytes.toString('utf8')) as unknown;
  } catch {
    return null;
  }
}
