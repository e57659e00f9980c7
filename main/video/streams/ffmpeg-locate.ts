/**
 * Finds ffmpeg: explicit config, then the one the installer ships in resources/ffmpeg (Windows builds),
 * then PATH, then the binary bundled from the npm registry.
 */
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

/** The installer's copy (electron-builder.yml, win.extraResources): resources/ffmpeg/ffmpeg(.exe). */
export function shipped(resourcesDir: string | undefined, platform = process.platform): string | null {
  if (!resourcesDir) return null;
  const p = path.join(resourcesDir, 'ffmpeg', platform === 'win32' ? 'ffmpeg.exe' : 'ffmpeg');
  return fs.existsSync(p) ? p : null;
}

export function locateFfmpeg(configured?: string, resourcesDir?: string): string {
  if (configured) {
    if (!fs.existsSync(configured))
      throw new Error(`ffmpeg introuvable à l’emplacement configuré : ${configured}`);
    return configured;
  }
  const found = shipped(resourcesDir) ?? onPath('ffmpeg') ?? bundled();
  if (!found)
    throw new Error('ffmpeg introuvable (ni configuré, ni dans le PATH, ni fourni avec l’application).');
  return found;
}
