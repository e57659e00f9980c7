/**
 * Finds ffmpeg: explicit config, then the one the installer ships in resources/ffmpeg (Windows builds),
 * then PATH, then the binary bundled from the npm registry.
 */
import fs from 'node:fs';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import type { RtspTimeoutOption } from './ffmpeg-args';

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

const timeoutOptions = new Map<string, Promise<RtspTimeoutOption>>();

/**
 * Which option this ffmpeg takes for RTSP's socket timeout, asked once per binary from its RTSP
 * demuxer's help: one that still lists `-stimeout` (ffmpeg 4 and older) takes that one. A binary
 * that does not answer within 10 s is taken as a modern one (its cameras then say why they fail).
 */
export function rtspTimeoutOption(ffmpegPath: string): Promise<RtspTimeoutOption> {
  let p = timeoutOptions.get(ffmpegPath);
  if (!p) {
    p = new Promise((resolve) =>
      execFile(
        ffmpegPath,
        ['-hide_banner', '-h', 'demuxer=rtsp'],
        { timeout: 10_000, windowsHide: true, maxBuffer: 1 << 20 },
        (_e, out) => resolve(/^\s*-stimeout\b/m.test(String(out)) ? '-stimeout' : '-timeout'),
      ),
    );
    timeoutOptions.set(ffmpegPath, p);
  }
  return p;
}
