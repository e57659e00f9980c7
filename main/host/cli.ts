/** `vigie` command line: `host` runs the browser host; more commands join as domains grow. */
import os from 'node:os';
import path from 'node:path';
import { installLastResort } from '../log/last-resort';
import { createServices } from '../services';
import { operatorsCommand, registryCommand } from './cli-admin';
import { option } from './cli-args';
import { startBrowserHost } from './browser-host';

const ROOT = path.resolve(__dirname, '..', '..');

export function defaultDataDir(): string {
  if (process.env.VIGIE_DATA_DIR) return process.env.VIGIE_DATA_DIR;
  if (process.platform === 'win32') return path.join(process.env.APPDATA ?? os.homedir(), 'Vigie');
  return path.join(process.env.XDG_DATA_HOME ?? path.join(os.homedir(), '.local', 'share'), 'vigie');
}

const dataDirOf = (args: string[]): string => path.resolve(option(args, 'data-dir') ?? defaultDataDir());

async function host(args: string[]): Promise<void> {
  installLastResort();
  const camerasFile = option(args, 'cameras');
  const services = await createServices({
    dataDir: path.resolve(option(args, 'data-dir') ?? defaultDataDir()),
    assetsDir: path.join(ROOT, 'assets'),
    ...(camerasFile && { camerasFile: path.resolve(camerasFile) }),
    ...(option(args, 'ffmpeg') && { ffmpegPath: option(args, 'ffmpeg') }),
    ...(option(args, 'lock-after') && { lockAfterSeconds: Number(option(args, 'lock-after')) }),
    ...(option(args, 'recheck-seconds') && { recheckMs: Number(option(args, 'recheck-seconds')) * 1000 }),
    ...(args.includes('--demo') && { demo: true }),
    host: 'browser',
    version: process.env.npm_package_version ?? '0.1.0',
  });
  const h = await startBrowserHost(
    services,
    path.join(ROOT, 'dist', 'renderer'),
    Number(option(args, 'port') ?? 0),
  );
  process.stdout.write(`Vigie (hôte navigateur) : ${h.url}\n`);
  // The key is the wall page's right to show images: this line is for the kiosk's technician.
  process.stdout.write(`Mur d’images (navigateur kiosque) : ${h.wallUrl}\n`);
  const stop = (): void => {
    void Promise.all([h.close(), services.close()]).finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

const USAGE = `Usage : vigie <commande> [--data-dir DOSSIER]
  host [--cameras FICHIER] [--port N] [--ffmpeg CHEMIN] [--lock-after SECONDES] [--demo]
        lance les services et sert la console sur http://127.0.0.1:N/
        (--demo : caméras et compte de démonstration même si des comptes existent, pour un salon)
  operators add --login L --name NOM --rank GRADE --service SERVICE --role ROLE [--badge N] [--from AAAA-MM-JJ] [--until AAAA-MM-JJ]
        crée un compte ; le mot de passe est lu sur l’entrée standard
  operators list
  registry verify [--checkpoint FICHIER]   recalcule la chaîne et nomme la première entrée altérée
  registry checkpoint --out FICHIER        exporte un point de contrôle signé de la tête de chaîne
  registry purge --older-than-days N       applique la durée de conservation (la purge est inscrite au registre)`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'host':
      await host(rest);
      return -1; // keeps running
    case 'operators':
      return operatorsCommand(rest, dataDirOf(rest));
    case 'registry':
      return registryCommand(rest, dataDirOf(rest));
    default:
      process.stderr.write(USAGE + '\n');
      return command === undefined || command === '--help' ? 0 : 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (e: unknown) => {
    process.stderr.write(`vigie : ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  },
);
