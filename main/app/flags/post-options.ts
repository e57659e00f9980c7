/**
 * What a post's command line means: the typed options that `createServices` and the PTZ setup take,
 * and the post's role on the wall link. The browser host (`vigie host`) and Electron's console both
 * come through here, from the same flag table, so one flag means one thing on both.
 */
import path from 'node:path';
import { parseKeyboardConfig } from '../../control/input';
import type { PtzOptions } from '../../control/ptz/ptz-module';
import type { ServicesOptions } from '../services';
import { FlagError, parseFlags } from './flag-parser';
import type { Flags } from './flags';
import { hostRole, type HostRole } from '../wall-role';

export interface PostOptions {
  /** `--data-dir` or `$VIGIE_DATA_DIR`; absent, each shell picks the machine-wide folder. */
  dataDir: string | undefined;
  role: HostRole;
  /** The part of `createServices`' options that comes from the command line. */
  services: Pick<
    ServicesOptions,
    | 'camerasFile'
    | 'ffmpegPath'
    | 'keepStreams'
    | 'lockAfterSeconds'
    | 'ntp'
    | 'recheckMs'
    | 'demo'
    | 'ptz'
    | 'store'
  >;
}

export interface HostOptions extends PostOptions {
  /** 0: a free port. */
  port: number;
}

export type Options<T> =
  { ok: true; help: true } | { ok: true; help: false; value: T } | { ok: false; error: FlagError };

/** The PTZ options (devices, CSU notification, leases) from parsed flags. */
export function ptzOptionsOf(f: Flags): PtzOptions {
  const o: PtzOptions = {};
  if (f.keyboard !== undefined) {
    const k = parseKeyboardConfig({
      path: f.keyboard,
      protocol: f.keyboardProtocol ?? 'pelco-d',
      ...(f.keyboardBaud !== undefined && { baud: f.keyboardBaud }),
    });
    if (!k.ok)
      throw new FlagError('invalid', '--keyboard', `--keyboard attend un chemin de 255 caractères au plus`);
    o.keyboard = k.value;
  } else if (f.keyboardProtocol !== undefined || f.keyboardBaud !== undefined)
    throw new FlagError(
      'invalid',
      f.keyboardProtocol !== undefined ? '--keyboard-protocol' : '--keyboard-baud',
      '--keyboard-protocol et --keyboard-baud vont avec --keyboard CHEMIN',
    );
  if (f.joystick) o.joystick = f.joystick;
  if (f.csuWebhook !== undefined) o.csuWebhook = f.csuWebhook;
  if (f.csuSmtp !== undefined) o.csuSmtp = f.csuSmtp;
  if (f.csuMailTo !== undefined) o.csuMailTo = f.csuMailTo.join(',');
  // The CIC's shared store holds the leases too, unless they are given a store of their own.
  const leaseStore = f.leaseStore ?? f.store;
  if (leaseStore !== undefined) o.leaseStore = leaseStore;
  if (f.leaseMinutes !== undefined) o.leaseMinutes = f.leaseMinutes;
  if (f.leaseMaxMinutes !== undefined) o.leaseMaxMinutes = f.leaseMaxMinutes;
  if (f.leaseMinutes !== undefined && f.leaseMaxMinutes !== undefined && f.leaseMinutes > f.leaseMaxMinutes)
    throw new FlagError(
      'invalid',
      '--lease-minutes',
      `--lease-minutes (${f.leaseMinutes}) dépasse --lease-max-minutes (${f.leaseMaxMinutes})`,
    );
  if (f.leaseMinuteSeconds !== undefined) o.leaseMinuteMs = f.leaseMinuteSeconds * 1000;
  if (f.post !== undefined) o.post = f.post;
  return o;
}

/** A post's options from its parsed flags; a wrong combination is a FlagError naming a flag. */
export function postOptions(f: Flags): { ok: true; value: PostOptions } | { ok: false; error: FlagError } {
  try {
    return {
      ok: true,
      value: {
        dataDir: f.dataDir,
        role: hostRole(f),
        services: {
          ...(f.cameras !== undefined && { camerasFile: path.resolve(f.cameras) }),
          ...(f.ffmpeg !== undefined && { ffmpegPath: f.ffmpeg }),
          ...(f.keepStreams !== undefined && { keepStreams: f.keepStreams }),
          ...(f.lockAfter !== undefined && { lockAfterSeconds: f.lockAfter }),
          ...(f.ntp !== undefined && { ntp: f.ntp }),
          ...(f.recheckSeconds !== undefined && { recheckMs: f.recheckSeconds * 1000 }),
          ...(f.demo && { demo: true }),
          ...(f.store !== undefined && { store: f.store }),
          ptz: ptzOptionsOf(f),
        },
      },
    };
  } catch (e) {
    if (e instanceof FlagError) return { ok: false, error: e };
    throw e;
  }
}

/** `vigie host …`: the browser host's options. */
export function hostOptionsOf(f: Flags): { ok: true; value: HostOptions } | { ok: false; error: FlagError } {
  const p = postOptions(f);
  return p.ok ? { ok: true, value: { ...p.value, port: f.port ?? 0 } } : p;
}

/** The browser host's options from its command line (after `host`). */
export function hostOptions(
  argv: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): Options<HostOptions> {
  const p = parseFlags('host', argv, env);
  if (!p.ok) return p;
  if (p.help) return { ok: true, help: true };
  const o = hostOptionsOf(p.flags);
  return o.ok ? { ok: true, help: false, value: o.value } : o;
}
