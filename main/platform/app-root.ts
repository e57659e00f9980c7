/**
 * The folder that holds the app's package.json: the checkout in development (sources run by tsx),
 * the install folder or asar once bundled (dist/host, dist/electron). Assets and the renderer are
 * found from it, wherever the calling file sits.
 */
import fs from 'node:fs';
import path from 'node:path';

let found: string | null = null;

export function appRoot(): string {
  if (found) return found;
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return (found = dir);
    if (path.dirname(dir) === dir) return (found = process.cwd());
  }
}
