/** Reading the post's checkpoint files: `verify` judges what they hold, wherever it runs. */
import fs from 'node:fs';
import path from 'node:path';

/** The newest checkpoint file's content, unchecked (`null` when unreadable): `verify` judges it. */
export function latestCheckpoint(dataDir: string): unknown {
  const dir = path.join(dataDir, 'checkpoints');
  if (!fs.existsSync(dir)) return undefined;
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort();
  const last = files.at(-1);
  return last ? readCheckpointFile(path.join(dir, last)) : undefined;
}

export function readCheckpointFile(file: string): unknown {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
  } catch {
    return null;
  }
}
