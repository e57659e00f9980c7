// `npm start`: the Electron console where its binary exists, otherwise the browser host.
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
const args = process.argv.slice(2);
let electronBin = null;
try {
  const p = createRequire(import.meta.url)('electron');
  if (typeof p === 'string' && fs.existsSync(p)) electronBin = p;
} catch {
  /* binary not downloaded on this machine */
}
const child = electronBin
  ? spawn(electronBin, ['.', ...args], { stdio: 'inherit' })
  : (console.log('Electron indisponible sur ce poste : lancement de l’hôte navigateur.'),
    spawn(process.execPath, [path.join('dist', 'host', 'cli.js'), 'host', '--port', process.env.VIGIE_PORT ?? '5780', ...args], { stdio: 'inherit' }));
child.on('exit', (code) => process.exit(code ?? 0));
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
