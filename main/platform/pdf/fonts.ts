/**
 * The PDFs' embedded TrueType fonts (DejaVu Sans, from Debian's fonts-dejavu-core, in assets/fonts):
 * every French character prints (é è à ç œ « » ’ …), and far beyond, with no WinAnsi limit.
 */
import { appRoot } from '../app-root';
import fs from 'node:fs';
import path from 'node:path';

export const FONT_FILES = { regular: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf' } as const;

/**
 * The fonts folder: `preferred` (the post's `<assets>/fonts`, handed down by whoever writes the
 * PDF), else VIGIE_FONTS_DIR, else the one beside the sources or the bundle.
 */
export function fontDir(preferred?: string): string {
  const candidates = [
    preferred,
    process.env.VIGIE_FONTS_DIR,
    path.join(appRoot(), 'assets', 'fonts'),
    path.resolve(process.cwd(), 'assets', 'fonts'),
  ];
  for (const dir of candidates) if (dir && fs.existsSync(path.join(dir, FONT_FILES.regular))) return dir;
  throw new Error('pdf fonts not found (assets/fonts/DejaVuSans.ttf)');
}
