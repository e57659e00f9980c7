// `npm start`: the Electron console where its binary exists, otherwise the browser host.
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
const args = process.argv.slice(2);
let electronBin = null;
try {
  // path.txt exists only once Electron's binary was downloaded (require('electron') would try to fetch it).
  const dir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  const bin = path.join(dir, 'dist', fs.readFileSync(path.join(dir, 'path.txt'), 'utf8').trim());
  if (fs.existsSync(bin)) electronBin = bin;
} catch {
  /* binary not downloaded on this machine */
}
// The arguments go through as given: a `--port` of the user's is the only one the host sees (a flag
// given twice is refused). 5780 is only the fallback, through $VIGIE_PORT, which --port overrides.
const child = electronBin
  ? spawn(electronBin, ['.', ...args], { stdio: 'inherit' })
  : (console.log('Electron indisponible sur ce poste : lancement de l’hôte navigateur.'),
    spawn(process.execPath, [path.join('dist', 'host', 'cli.js'), 'host', ...args], {
      stdio: 'inherit',
      env: { ...process.env, VIGIE_PORT: process.env.VIGIE_PORT || '5780' },
    }));
child.on('exit', (code) => process.exit(code ?? 0));
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
