/** Finds ffmpeg: explicit config, then PATH, then the binary bundled from the npm registry. */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

function onPath(name: string): string | null {
  const exe = process.platform === 'win32' ? `${name}.exe` : name;
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const p = path.join(dir, exe);
    try {
      fs.accessSync(p, fs.constants.X_OK);
      return p;
    } catch {
      /* not here */
    }
  }
  return null;
}

function bundled(): string | null {
  try {
    const req = createRequire(__filename);
    const p = (req('@ffmpeg-installer/ffmpeg') as { path: string }).path.replace(
      'app.asar',
      'app.asar.unpacked',
    );
    return fs.existsSync(p) ? p : null;
  } catch {
    return null;
  }
}

export function locateFfmpeg(configured?: string): string {
  if (configured) {
    if (!fs.existsSync(configured))
      throw new Error(`ffmpeg introuvable à l’emplacement configuré : ${configured}`);
    return configured;
  }
  const found = onPath('ffmpeg') ?? bundled();
  if (!found)
    throw new Error('ffmpeg introuvable (ni configuré, ni dans le PATH, ni fourni avec l’application).');
  return found;
}
