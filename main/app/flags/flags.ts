/**
 * The one table of Vigie's flags. Every entry point parses its command line through it
 * (main/host/flag-parser.ts): the browser host (`vigie host`), Electron's main, and every `vigie`
 * command. The usage text (`vigie --help`) and the README's flag tables (`npm run flags:readme`)
 * are written from it too (main/host/flag-usage.ts), so a flag cannot exist in one place only.
 *
 * A flag is `--name value` or `--name=value`; a switch (`bool`) takes no value. A flag given twice
 * is refused, except a `repeatable` one, whose values add up. Where an `env` is named, it is the
 * fallback when the flag is absent.
 */
import { ROLES } from '../../../common/roles';
import type { JoystickSelector } from '../../control/input';
import { isStoreUrl } from '../../platform/storage/store-url';
import type { HostPort } from './host-port';

/** Who parses flags: Electron's console, the browser host, and the `vigie` commands. */
export const COMMANDS = {
  host: {
    fr: 'lance les services et sert la console sur http://127.0.0.1:N/ (hôte navigateur)',
    en: 'runs the services and serves the console on http://127.0.0.1:N/ (browser host)',
  },
  electron: {
    fr: 'la console Electron (Vigie.exe, npm start où Electron est installé)',
    en: 'the Electron console (Vigie.exe, or npm start where Electron is installed)',
  },
  'operators add': {
    fr: 'crée un compte ; le mot de passe est lu sur l’entrée standard',
    en: 'creates an account; the password is read from standard input',
  },
  'operators list': { fr: 'liste les comptes', en: 'lists the accounts' },
  'registry verify': {
    fr: 'recalcule la chaîne du registre et nomme la première entrée altérée',
    en: 'recomputes the registry chain and names the first altered entry',
  },
  'registry checkpoint': {
    fr: 'exporte un point de contrôle signé de la tête de chaîne',
    en: 'writes a signed checkpoint of the chain head',
  },
  'registry purge': {
    fr: 'applique la durée de conservation (la purge est inscrite au registre)',
    en: 'applies the retention period (the purge is itself an entry)',
  },
  'store join': {
    fr: 'rejoint le registre commun du CIC sur PostgreSQL (le premier poste le crée, les autres donnent --key-file)',
    en: 'joins the CIC’s shared registry on PostgreSQL (the first post creates it, the others give --key-file)',
  },
  'wall identity': {
    fr: 'crée au besoin l’identité du poste pour la liaison du mur et affiche son empreinte SHA-256',
    en: 'makes the post’s wall-link identity if needed and prints its SHA-256 fingerprint',
  },
  selftest: {
    fr: 'auto-test de mise en service ; procès-verbal daté (PDF et JSON) ; code 1 si un contrôle échoue',
    en: 'commissioning self-test; dated report (PDF and JSON); exit code 1 when a check fails',
  },
  'update verify': {
    fr: 'vérifie une mise à jour sur support amovible ; le verdict est inscrit au registre',
    en: 'checks an update on removable media; the verdict is recorded in the registry',
  },
} as const;
export type CommandId = keyof typeof COMMANDS;
export const COMMAND_IDS = Object.keys(COMMANDS) as CommandId[];

/** The README's and the usage's sections. */
export type FlagGroup = 'post' | 'wall' | 'ptz' | 'selftest' | 'operators' | 'registry' | 'update';

interface FlagBase {
  /** The name after `--`. */
  name: string;
  /** The value's placeholder, French then English (`bool` flags have none). */
  arg?: readonly [string, string];
  group: FlagGroup;
  commands: readonly CommandId[];
  /** Commands that cannot run without it. */
  required?: readonly CommandId[];
  /** The environment variable read when the flag is absent. */
  env?: string;
  repeatable?: true;
  /** Only the tests use it (short timers). */
  testOnly?: true;
  /** A valid value, for the usage and the tests. */
  example?: string;
  fr: string;
  en: string;
}

/** What a value must be; each kind is checked by flag-parser.ts and has its typed value below. */
export type FlagKind =
  | { kind: 'bool' }
  /** Trimmed, non-empty, at most 500 characters, no control character; `check` adds a rule. */
  | { kind: 'text'; check?: (v: string) => boolean }
  /** A file or folder: non-empty, at most 4096 characters, no control character. */
  | { kind: 'path' }
  | { kind: 'int'; min: number; max: number; oneOf?: readonly number[] }
  | { kind: 'enum'; values: readonly string[] }
  /** `HOST:PORT` or `[v6]:PORT`. */
  | { kind: 'hostport' }
  /** A SHA-256 certificate fingerprint, with or without colons, any case; read as `AB:CD:…`. */
  | { kind: 'fingerprint' }
  /** `auto` or `VID:PID` in hex. */
  | { kind: 'joystick' }
  /** `HOST[:PORT]` (the port is optional). */
  | { kind: 'server' };

export type FlagSpec = FlagBase & FlagKind;

const POST = ['host', 'electron'] as const;
const ALL = Object.keys(COMMANDS) as CommandId[];

export const FLAGS = {
  // ——— The post: where its data lives, what it shows, how it runs ———
  dataDir: {
    name: 'data-dir',
    kind: 'path',
    arg: ['DOSSIER', 'DIR'],
    group: 'post',
    commands: ALL,
    env: 'VIGIE_DATA_DIR',
    example: '/var/lib/vigie',
    fr: 'dossier de données du poste (par défaut le dossier de la machine)',
    en: 'the post’s data folder (the machine-wide folder by default)',
  },
  store: {
    name: 'store',
    kind: 'text',
    check: isStoreUrl,
    arg: ['postgres://…', 'postgres://…'],
    group: 'post',
    commands: [
      ...POST,
      'operators add',
      'operators list',
      'registry verify',
      'registry checkpoint',
      'registry purge',
      'store join',
    ],
    required: ['store join'],
    env: 'VIGIE_STORE',
    example: 'postgres://vigie_post@10.0.0.5:5432/vigie?sslmode=verify-full&sslrootcert=/etc/vigie/ca.pem',
    fr: 'base PostgreSQL partagée par les postes du CIC : registre, comptes, signalements, contacts, préréglages du mur (SQLite du poste par défaut)',
    en: 'PostgreSQL database shared by the CIC’s posts: registry, accounts, incident reports, contacts, wall presets (the post’s SQLite by default)',
  },
  cameras: {
    name: 'cameras',
    kind: 'path',
    arg: ['FICHIER', 'FILE'],
    group: 'post',
    commands: POST,
    example: 'cameras.json',
    fr: 'liste de caméras à charger (JSON ou CSV)',
    en: 'camera inventory to load (JSON or CSV)',
  },
  port: {
    name: 'port',
    kind: 'int',
    min: 0,
    max: 65535,
    arg: ['N', 'N'],
    group: 'post',
    commands: ['host'],
    env: 'VIGIE_PORT',
    example: '5780',
    fr: 'port de la console sur 127.0.0.1 (0 ou absent : un port libre ; npm start : 5780)',
    en: 'the console’s port on 127.0.0.1 (0 or absent: a free port; npm start: 5780)',
  },
  ffmpeg: {
    name: 'ffmpeg',
    kind: 'path',
    arg: ['CHEMIN', 'PATH'],
    group: 'post',
    commands: [...POST, 'selftest'],
    env: 'VIGIE_FFMPEG',
    example: '/usr/bin/ffmpeg',
    fr: 'ffmpeg à utiliser (sinon celui du PATH, puis celui livré)',
    en: 'the ffmpeg to use (else the one on the PATH, then the bundled one)',
  },
  lockAfter: {
    name: 'lock-after',
    kind: 'int',
    min: 1,
    max: 86400,
    arg: ['SECONDES', 'SECONDS'],
    group: 'post',
    commands: POST,
    example: '300',
    fr: 'verrouillage de la console après inactivité (300 s par défaut)',
    en: 'console inactivity lock (300 s by default)',
  },
  keepStreams: {
    name: 'keep-streams',
    kind: 'int',
    min: 0,
    max: 64,
    arg: ['N', 'N'],
    group: 'post',
    commands: POST,
    example: '32',
    fr: 'flux gardés ouverts sans spectateur en plus de la mosaïque et du mur (32 ; 64 au plus)',
    en: 'streams kept flowing with no viewer besides mosaic and wall (32; at most 64)',
  },
  ntp: {
    name: 'ntp',
    kind: 'server',
    arg: ['HÔTE[:PORT]', 'HOST[:PORT]'],
    group: 'post',
    commands: [...POST, 'selftest'],
    example: 'ntp.cic.local',
    fr: 'serveur de temps contre lequel l’auto-test mesure l’horloge',
    en: 'the time server the self-test measures the clock against',
  },
  demo: {
    name: 'demo',
    kind: 'bool',
    group: 'post',
    commands: POST,
    fr: 'caméras et compte de démonstration même si des comptes existent (salon)',
    en: 'demo cameras and account even on a post with accounts (showroom)',
  },
  recheckSeconds: {
    name: 'recheck-seconds',
    kind: 'int',
    min: 1,
    max: 3600,
    arg: ['N', 'N'],
    group: 'post',
    commands: POST,
    testOnly: true,
    example: '2',
    fr: 'relecture des droits des sessions toutes les N s (60 par défaut)',
    en: 'how often each session’s rights are re-read, in s (60 by default)',
  },

  // ——— The video wall on a rack PC ———
  role: {
    name: 'role',
    kind: 'enum',
    values: ['console', 'wall'],
    group: 'wall',
    commands: POST,
    example: 'wall',
    fr: 'rôle du poste : console (par défaut) ou wall, le PC en baie qui affiche le mur',
    en: 'the post’s role: console (default) or wall, the rack PC that shows the wall',
  },
  listen: {
    name: 'listen',
    kind: 'hostport',
    arg: ['HÔTE:PORT', 'HOST:PORT'],
    group: 'wall',
    commands: POST,
    example: '10.0.0.12:5790',
    fr: 'poste mur : adresse de la liaison de commande',
    en: 'rack PC: the control link’s address',
  },
  peerPin: {
    name: 'peer-pin',
    kind: 'fingerprint',
    arg: ['EMPREINTE', 'FP'],
    group: 'wall',
    commands: POST,
    example: 'AB'.repeat(32),
    fr: 'poste mur : empreinte de la console (vigie wall identity sur la console)',
    en: 'rack PC: the console’s fingerprint (vigie wall identity on the console)',
  },
  wall: {
    name: 'wall',
    kind: 'hostport',
    arg: ['HÔTE:PORT', 'HOST:PORT'],
    group: 'wall',
    commands: POST,
    example: '10.0.0.12:5790',
    fr: 'console : adresse de liaison du poste mur',
    en: 'console: the rack PC’s link address',
  },
  wallPin: {
    name: 'wall-pin',
    kind: 'fingerprint',
    arg: ['EMPREINTE', 'FP'],
    group: 'wall',
    commands: POST,
    example: 'CD'.repeat(32),
    fr: 'console : empreinte du poste mur',
    en: 'console: the rack PC’s fingerprint',
  },
  display: {
    name: 'display',
    kind: 'text',
    check: (v) => /^[^@]+@.+$/.test(v),
    arg: ['MODÈLE@CIBLE', 'MODEL@WHERE'],
    group: 'wall',
    commands: POST,
    example: 'barco-rlm@/dev/ttyUSB0',
    fr: 'afficheur piloté par ce PC : profil et port (barco-rlm@/dev/ttyUSB0, COM3, HÔTE[:PORT])',
    en: 'the display wired to this PC: profile and port (`barco-rlm@/dev/ttyUSB0`, `COM3`, `HOST[:PORT]`)',
  },

  // ——— PTZ: input devices, CSU notification, leases ———
  keyboard: {
    name: 'keyboard',
    kind: 'path',
    arg: ['CHEMIN', 'PATH'],
    group: 'ptz',
    commands: [...POST, 'selftest'],
    example: '/dev/ttyUSB0',
    fr: 'ligne série du clavier CCTV (Pelco-D ou Pelco-P, 8N1)',
    en: 'the CCTV keyboard’s serial line (Pelco-D or Pelco-P, 8N1)',
  },
  keyboardProtocol: {
    name: 'keyboard-protocol',
    kind: 'enum',
    values: ['pelco-d', 'pelco-p'],
    group: 'ptz',
    commands: POST,
    example: 'pelco-p',
    fr: 'protocole du clavier (pelco-d par défaut)',
    en: 'the keyboard’s protocol (pelco-d by default)',
  },
  keyboardBaud: {
    name: 'keyboard-baud',
    kind: 'int',
    min: 2400,
    max: 9600,
    oneOf: [2400, 4800, 9600],
    group: 'ptz',
    commands: POST,
    example: '4800',
    fr: 'débit du clavier ; absent, il est détecté en écoutant des trames valides',
    en: 'the keyboard’s baud rate; absent, it is detected by listening for valid frames',
  },
  joystick: {
    name: 'joystick',
    kind: 'joystick',
    arg: ['auto|VID:PID', 'auto|VID:PID'],
    group: 'ptz',
    commands: [...POST, 'selftest'],
    example: '046d:c215',
    fr: 'manette USB HID : la première (auto) ou un modèle (hexadécimal)',
    en: 'USB HID joystick: the first one (auto) or one model (hex)',
  },
  csuWebhook: {
    name: 'csu-webhook',
    kind: 'text',
    arg: ['URL', 'URL'],
    group: 'ptz',
    commands: [...POST, 'selftest'],
    example: 'https://csu.example/ptz',
    fr: 'prévenir le CSU par un POST JSON à cette adresse',
    en: 'notify the CSU with a JSON POST to this address',
  },
  csuSmtp: {
    name: 'csu-smtp',
    kind: 'text',
    arg: ['smtp://HÔTE:PORT', 'smtp://HOST:PORT'],
    group: 'ptz',
    commands: [...POST, 'selftest'],
    example: 'smtp://relay.example:25',
    fr: 'prévenir le CSU par courriel, par ce relais SMTP',
    en: 'notify the CSU by mail, through this SMTP relay',
  },
  csuMailTo: {
    name: 'csu-mail-to',
    kind: 'text',
    arg: ['ADRESSE', 'ADDR'],
    group: 'ptz',
    commands: [...POST, 'selftest'],
    repeatable: true,
    example: 'astreinte-csu@example.fr',
    fr: 'destinataires du courriel au CSU, séparés par des virgules',
    en: 'the CSU mail’s recipients, comma-separated',
  },
  leaseStore: {
    name: 'lease-store',
    kind: 'text',
    arg: ['postgres://…', 'postgres://…'],
    group: 'ptz',
    commands: POST,
    example: 'postgres://vigie@10.0.0.5:5432/vigie',
    fr: 'base PostgreSQL partagée par plusieurs postes (SQLite du poste par défaut)',
    en: 'PostgreSQL database shared by several posts (the post’s SQLite by default)',
  },
  leaseMinutes: {
    name: 'lease-minutes',
    kind: 'int',
    min: 1,
    max: 1440,
    arg: ['N', 'N'],
    group: 'ptz',
    commands: POST,
    example: '10',
    fr: 'durée d’une prise de main, en minutes (10 par défaut)',
    en: 'how long a PTZ lease lasts, in minutes (10 by default)',
  },
  leaseMaxMinutes: {
    name: 'lease-max-minutes',
    kind: 'int',
    min: 1,
    max: 1440,
    arg: ['N', 'N'],
    group: 'ptz',
    commands: POST,
    example: '30',
    fr: 'durée maximale d’une prise de main, en minutes (30 par défaut)',
    en: 'the longest a PTZ lease may last, in minutes (30 by default)',
  },
  leaseMinuteSeconds: {
    name: 'lease-minute-seconds',
    kind: 'int',
    min: 1,
    max: 60,
    arg: ['N', 'N'],
    group: 'ptz',
    commands: POST,
    testOnly: true,
    example: '8',
    fr: 'durée d’une « minute » de prise de main, en secondes',
    en: 'how long a lease “minute” lasts, in seconds',
  },
  post: {
    name: 'post',
    kind: 'text',
    arg: ['NOM', 'NAME'],
    group: 'ptz',
    commands: [...POST, 'selftest'],
    example: 'CIC-2',
    fr: 'nom de ce poste (nom de la machine par défaut)',
    en: 'this post’s name (the host name by default)',
  },

  // ——— The self-test ———
  technician: {
    name: 'technician',
    kind: 'text',
    arg: ['NOM', 'NAME'],
    group: 'selftest',
    commands: ['selftest'],
    example: 'Jeanne Martin',
    fr: 'technicien qui signe le procès-verbal (compte système par défaut)',
    en: 'the technician who signs the report (the system account by default)',
  },
  json: {
    name: 'json',
    kind: 'bool',
    group: 'selftest',
    commands: ['selftest'],
    fr: 'affiche le procès-verbal en JSON au lieu des lignes en français',
    en: 'prints the report as JSON instead of the French lines',
  },
  out: {
    name: 'out',
    kind: 'path',
    arg: ['DOSSIER', 'DIR'],
    group: 'selftest',
    commands: ['selftest'],
    example: 'autotests',
    fr: 'dossier du procès-verbal (<données>/autotests par défaut)',
    en: 'where the report goes (<data>/autotests by default)',
  },

  // ——— Accounts ———
  login: {
    name: 'login',
    kind: 'text',
    arg: ['IDENTIFIANT', 'LOGIN'],
    group: 'operators',
    commands: ['operators add'],
    required: ['operators add'],
    example: 'chef',
    fr: 'identifiant du compte (lettres, chiffres, . _ -)',
    en: 'the account’s login (letters, digits, . _ -)',
  },
  name: {
    name: 'name',
    kind: 'text',
    arg: ['NOM', 'NAME'],
    group: 'operators',
    commands: ['operators add'],
    required: ['operators add'],
    example: 'Marc Petit',
    fr: 'prénom et nom',
    en: 'first and last name',
  },
  rank: {
    name: 'rank',
    kind: 'text',
    arg: ['GRADE', 'RANK'],
    group: 'operators',
    commands: ['operators add'],
    required: ['operators add'],
    example: 'Commandant',
    fr: 'grade',
    en: 'rank',
  },
  service: {
    name: 'service',
    kind: 'text',
    arg: ['SERVICE', 'SERVICE'],
    group: 'operators',
    commands: ['operators add'],
    required: ['operators add'],
    example: 'CIC',
    fr: 'service',
    en: 'service',
  },
  operatorRole: {
    name: 'role',
    kind: 'enum',
    values: ROLES,
    group: 'operators',
    commands: ['operators add'],
    required: ['operators add'],
    example: 'head',
    fr: 'rôle du compte',
    en: 'the account’s role',
  },
  badge: {
    name: 'badge',
    kind: 'text',
    arg: ['N', 'N'],
    group: 'operators',
    commands: ['operators add'],
    example: '1234',
    fr: 'matricule',
    en: 'badge number',
  },
  from: {
    name: 'from',
    kind: 'text',
    arg: ['AAAA-MM-JJ', 'YYYY-MM-DD'],
    group: 'operators',
    commands: ['operators add'],
    example: '2026-01-01',
    fr: 'début de l’habilitation (aujourd’hui par défaut)',
    en: 'start of the authorisation (today by default)',
  },
  until: {
    name: 'until',
    kind: 'text',
    arg: ['AAAA-MM-JJ', 'YYYY-MM-DD'],
    group: 'operators',
    commands: ['operators add'],
    example: '2027-12-31',
    fr: 'fin de l’habilitation (dans un an par défaut)',
    en: 'end of the authorisation (a year from now by default)',
  },

  // ——— The registry ———
  keyFile: {
    name: 'key-file',
    kind: 'path',
    arg: ['FICHIER', 'FILE'],
    group: 'registry',
    commands: ['store join'],
    example: 'E:\\store.key',
    fr: 'copie du fichier store.key d’un poste du CIC (support amovible), pour rejoindre son registre',
    en: 'a copy of a CIC post’s store.key (removable media), to join its registry',
  },
  checkpoint: {
    name: 'checkpoint',
    kind: 'path',
    arg: ['FICHIER', 'FILE'],
    group: 'registry',
    commands: ['registry verify'],
    example: 'cp.json',
    fr: 'point de contrôle à vérifier aussi (le plus récent de <données>/checkpoints par défaut)',
    en: 'a checkpoint to check too (the newest in <data>/checkpoints by default)',
  },
  checkpointOut: {
    name: 'out',
    kind: 'path',
    arg: ['FICHIER', 'FILE'],
    group: 'registry',
    commands: ['registry checkpoint'],
    required: ['registry checkpoint'],
    example: 'cp.json',
    fr: 'fichier où écrire le point de contrôle',
    en: 'the file the checkpoint is written to',
  },
  olderThanDays: {
    name: 'older-than-days',
    kind: 'int',
    min: 1,
    max: 36500,
    arg: ['N', 'N'],
    group: 'registry',
    commands: ['registry purge'],
    required: ['registry purge'],
    example: '365',
    fr: 'purge les entrées de plus de N jours',
    en: 'purges the entries older than N days',
  },

  // ——— Updates from removable media ———
  media: {
    name: 'media',
    kind: 'path',
    arg: ['DOSSIER', 'DIR'],
    group: 'update',
    commands: ['update verify'],
    required: ['update verify'],
    example: 'E:\\vigie',
    fr: 'dossier du support qui porte latest.yml et l’installeur',
    en: 'the media folder holding latest.yml and the installer',
  },
  publisher: {
    name: 'publisher',
    kind: 'text',
    arg: ['DN', 'DN'],
    group: 'update',
    commands: ['update verify'],
    required: ['update verify'],
    env: 'VIGIE_PUBLISHER_DN',
    example: 'CN=Ville de X, O=Ville de X, C=FR',
    fr: 'éditeur attendu de la signature (nom distinctif complet)',
    en: 'the expected signer (full distinguished name)',
  },
  ca: {
    name: 'ca',
    kind: 'path',
    arg: ['FICHIER', 'FILE'],
    group: 'update',
    commands: ['update verify'],
    example: 'ca.pem',
    fr: 'certificats de confiance pour osslsigncode (requis hors Windows)',
    en: 'trusted certificates for osslsigncode (required outside Windows)',
  },
} as const satisfies Record<string, FlagSpec>;

export type FlagKey = keyof typeof FLAGS;

type ValueOf<S> = S extends { repeatable: true }
  ? string[]
  : S extends { kind: 'bool' }
    ? true
    : S extends { kind: 'int' }
      ? number
      : S extends { kind: 'hostport' }
        ? HostPort
        : S extends { kind: 'joystick' }
          ? JoystickSelector
          : S extends { kind: 'enum'; values: readonly (infer V)[] }
            ? V
            : string;

/** The typed options a command line gives: only the flags its command accepts can be set. */
export type Flags = { -readonly [K in FlagKey]?: ValueOf<(typeof FLAGS)[K]> };

/** The flags a command accepts, in the table's order. */
export function flagsOf(command: CommandId): [FlagKey, FlagSpec][] {
  return (Object.entries(FLAGS) as [FlagKey, FlagSpec][]).filter(([, s]) => s.commands.includes(command));
}

/** `--name VALUE` in French (0) or English (1): enums and fixed sets list their values. */
export function flagSynopsis(s: FlagSpec, lang: 0 | 1): string {
  const arg =
    s.kind === 'bool'
      ? null
      : s.kind === 'enum'
        ? s.values.join('|')
        : s.kind === 'int' && s.oneOf
          ? s.oneOf.join('|')
          : (s.arg?.[lang] ?? 'VALUE');
  return arg ? `--${s.name} ${arg}` : `--${s.name}`;
}
