/**
 * The PDFs' embedded TrueType fonts (DejaVu Sans, from Debian's fonts-dejavu-core, in assets/fonts):
 * every French character prints (é è à ç œ « » ’ …), and far beyond, with no WinAnsi limit.
 */
import { appRoot } from '../app-root';
import fs from 'node:fs';
import path from 'node:path';

export const FONT_FILES = { regular: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf' } as const;

let configured: string | null = null;

/** The composition root names the assets folder's fonts (`<assets>/fonts`). */
export function useFontDir(dir: string): void {
  configured = dir;
}

/** The fonts folder: the configured one, else the one beside the sources or the bundle. */
export function fontDir(): string {
  const candidates = [
    configured,
    process.env.VIGIE_FONTS_DIR,
    path.join(appRoot(), 'assets', 'fonts'),
    path.resolve(process.cwd(), 'assets', 'fonts'),
  ];
  for (const dir of candidates) if (dir && fs.existsSync(path.join(dir, FONT_FILES.regular))) return dir;
  throw new Error('pdf fonts not found (assets/fonts/DejaVuSans.ttf)');
}
