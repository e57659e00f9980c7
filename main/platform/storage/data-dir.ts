/**
 * Where a post keeps what must survive a reinstall: the configuration, the credentials store, the
 * operators, the registry and its keys, the wall pairing. Machine-wide (%ProgramData%\Vigie on
 * Windows, /var/lib/vigie elsewhere) or a configured path; never inside the install folder.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export type DataDirSource = 'option' | 'env' | 'machine' | 'user';

export interface DataDirChoice {
  dir: string;
  source: DataDirSource;
}

export class DataDirError extends Error {
  constructor(
    readonly code: 'inside_install' | 'unusable',
    readonly dir: string,
  ) {
    super(
      code === 'inside_install'
        ? `le dossier de données ne peut pas être dans le dossier d’installation : ${dir}`
        : `dossier de données inutilisable : ${dir} (indiquez --data-dir ou VIGIE_DATA_DIR)`,
    );
  }
}

export function machineDataDir(platform: NodeJS.Platform = process.platform, env = process.env): string {
  if (platform === 'win32') return path.win32.join(env.ProgramData ?? 'C:\\ProgramData', 'Vigie');
  return '/var/lib/vigie';
}

function userDataDir(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string {
  if (platform === 'win32') return path.win32.join(env.LOCALAPPDATA ?? os.homedir(), 'Vigie');
  return path.join(env.XDG_DATA_HOME ?? path.join(os.homedir(), '.local', 'share'), 'vigie');
}

const inside = (dir: string, parent: string, platform: NodeJS.Platform): boolean => {
  const p = platform === 'win32' ? path.win32 : path.posix;
  const norm = (s: string): string => (platform === 'win32' ? p.resolve(s).toLowerCase() : p.resolve(s));
  const rel = p.relative(norm(parent), norm(dir));
  return rel === '' || (!rel.startsWith('..') && !p.isAbsolute(rel));
};

/** Creates the folder (0700) or tightens an existing one; false when this account cannot use it. */
export function prepareDataDir(dir: string, platform: NodeJS.Platform = process.platform): boolean {
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    // On Windows the installer sets the folder's ACL (assets/installer.nsh); POSIX modes mean nothing there.
    if (platform !== 'win32' && (fs.statSync(dir).mode & 0o077) !== 0) fs.chmodSync(dir, 0o700);
    fs.accessSync(dir, fs.constants.R_OK | fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

export interface ChooseOptions {
  option?: string | undefined;
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  /** The program's own folder: the data may never live under it. */
  installDir?: string;
  /** The packaged app uses only the machine-wide folder; the lab's browser host may fall back per user. */
  allowUserFallback?: boolean;
  prepare?: (dir: string) => boolean;
}

export function chooseDataDir(o: ChooseOptions = {}): DataDirChoice {
  const env = o.env ?? process.env;
  const platform = o.platform ?? process.platform;
  const prepare = o.prepare ?? ((d: string) => prepareDataDir(d, platform));
  const resolve = platform === 'win32' ? path.win32.resolve : path.posix.resolve;
  const pick = (dir: string, source: DataDirSource): DataDirChoice => {
    if (o.installDir && inside(dir, o.installDir, platform)) throw new DataDirError('inside_install', dir);
    return { dir, source };
  };
  const configured = o.option
    ? pick(resolve(o.option), 'option')
    : env.VIGIE_DATA_DIR
      ? pick(resolve(env.VIGIE_DATA_DIR), 'env')
      : null;
  if (configured) {
    if (!prepare(configured.dir)) throw new DataDirError('unusable', configured.dir);
    return configured;
  }
  const machine = pick(machineDataDir(platform, env), 'machine');
  if (prepare(machine.dir)) return machine;
  if (!o.allowUserFallback) throw new DataDirError('unusable', machine.dir);
  const user = pick(userDataDir(platform, env), 'user');
  if (!prepare(user.dir)) throw new DataDirError('unusable', user.dir);
  return user;
}
