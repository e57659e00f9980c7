/** `vigie` command line: `host` runs the browser host; more commands join as domains grow. */
import fs from 'node:fs';
import path from 'node:path';
import { chooseDataDir } from '../config/data-dir';
import { installLastResort } from '../log/last-resort';
import { createServices } from '../services';
import { option } from './cli-args';
import { isAdminCommand, runAdminCommand } from './cli-commands';
import { loadOrCreateIdentity } from '../wall/link/identity';
import { displayFrom, HostFlagError, hostRole, remoteWall, startWallLink, type HostRole } from './wall-role';
import { startBrowserHost } from './browser-host';
import { parsePtzOptions } from '../ptz/ptz-setup';

const ROOT = path.resolve(__dirname, '..', '..');

/** The version of this build, from its package.json. */
function appVersion(): string {
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version?: unknown };
    return typeof pkg.version === 'string' ? pkg.version : '0.0.0';
  } catch {
    return '0.0.0';
  }
}

/** --data-dir, $VIGIE_DATA_DIR, the machine-wide folder, or (lab only) a per-user one. */
const dataDirOf = (args: string[]): string =>
  chooseDataDir({ option: option(args, 'data-dir'), allowUserFallback: true }).dir;

async function host(args: string[]): Promise<void> {
  installLastResort();
  let role: HostRole;
  try {
    role = hostRole(args);
  } catch (e) {
    if (!(e instanceof HostFlagError)) throw e;
    process.stderr.write(`vigie : ${e.message}\n`);
    process.exit(2);
  }
  const dataDir = dataDirOf(args);
  const camerasFile = option(args, 'cameras');
  // A console whose wall is on a rack PC drives it over the pinned link instead of its own.
  const remote = role.role === 'console' && role.wall ? await remoteWall(role.wall, dataDir) : null;
  const ptz = parsePtzOptions((name) => option(args, name));
  if (!ptz.ok) throw new Error(`option --${ptz.option} invalide (voir vigie --help)`);
  const services = await createServices({
    dataDir,
    assetsDir: path.join(ROOT, 'assets'),
    ...(camerasFile && { camerasFile: path.resolve(camerasFile) }),
    ...(option(args, 'ffmpeg') && { ffmpegPath: option(args, 'ffmpeg') }),
    ...(option(args, 'lock-after') && { lockAfterSeconds: Number(option(args, 'lock-after')) }),
    ...(option(args, 'ntp') && { ntp: option(args, 'ntp') }),
    ...(option(args, 'recheck-seconds') && { recheckMs: Number(option(args, 'recheck-seconds')) * 1000 }),
    ...(args.includes('--demo') && { demo: true }),
    ptz: ptz.value,
    ...(remote && { wallController: () => remote }),
    host: 'browser',
    version: appVersion(),
  });
  const h = await startBrowserHost(
    services,
    path.join(ROOT, 'dist', 'renderer'),
    Number(option(args, 'port') ?? 0),
  );
  process.stdout.write(`Vigie (hôte navigateur) : ${h.url}\n`);
  // The key is the wall page's right to show images: this line is for the kiosk's technician.
  process.stdout.write(`Mur d’images (navigateur kiosque) : ${h.wallUrl}\n`);
  let link: { close(): Promise<void> } | null = null;
  // The display is driven where it is wired: a rack PC's through the link, else this PC's own.
  const display =
    remote ?? (await displayFrom(role.display, dataDir, path.join(ROOT, 'assets'), services.registry));
  services.wall.display = display;
  if (role.role === 'wall') {
    link = await startWallLink(
      role,
      dataDir,
      services.wall.controller,
      display,
      services.registry,
      () => services.wall.view().shown,
    );
    const id = await loadOrCreateIdentity(dataDir);
    process.stdout.write(
      `Poste mur : liaison sur ${role.listen.host}:${role.listen.port}, empreinte de ce poste ${id.fingerprint}\n`,
    );
  }
  const stop = (): void => {
    void Promise.all([link?.close(), h.close(), services.close()]).finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

const USAGE = `Usage : vigie <commande> [--data-dir DOSSIER]
  host [--cameras FICHIER] [--port N] [--ffmpeg CHEMIN] [--lock-after SECONDES] [--demo]
        lance les services et sert la console sur http://127.0.0.1:N/
        (--demo : caméras et compte de démonstration même si des comptes existent, pour un salon)
        PTZ : [--keyboard CHEMIN --keyboard-protocol pelco-d|pelco-p [--keyboard-baud 2400|4800|9600]]
              [--joystick auto|VID:PID] [--csu-webhook URL] [--csu-smtp smtp://HÔTE:PORT --csu-mail-to ADRESSE]
              [--lease-store postgres://…] [--lease-minutes N] [--lease-max-minutes N] [--post NOM]
        mur : [--wall HÔTE:PORT --wall-pin EMPREINTE] (console) ; [--display MODÈLE@CIBLE]
              --role wall --listen HÔTE:PORT --peer-pin EMPREINTE (poste mur, PC en baie)
  operators add --login L --name NOM --rank GRADE --service SERVICE --role ROLE [--badge N] [--from AAAA-MM-JJ] [--until AAAA-MM-JJ]
        crée un compte ; le mot de passe est lu sur l’entrée standard
  operators list
  registry verify [--checkpoint FICHIER]   recalcule la chaîne et nomme la première entrée altérée
  registry checkpoint --out FICHIER        exporte un point de contrôle signé de la tête de chaîne
  registry purge --older-than-days N       applique la durée de conservation (la purge est inscrite au registre)
  wall identity                            crée au besoin l’identité du poste pour la liaison du mur
                                           et affiche son empreinte SHA-256 à recopier sur l’autre poste
  selftest [--json] [--post NOM] [--technician NOM] [--ntp HÔTE[:PORT]] [--keyboard CHEMIN] [--joystick auto|VID:PID] [--out DOSSIER]
        auto-test de mise en service ; procès-verbal daté (PDF et JSON) ; code de sortie 1 si un contrôle échoue
  update verify --media DOSSIER --publisher DN [--ca FICHIER]
        vérifie une mise à jour sur support amovible (sha512 de latest.yml, signature et éditeur) ;
        le verdict est inscrit au registre`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'host':
      await host(rest);
      return -1; // keeps running
    default:
      if (isAdminCommand(command))
        return runAdminCommand(command, rest, {
          dataDir: dataDirOf,
          assetsDir: path.join(ROOT, 'assets'),
          version: appVersion(),
        });
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
