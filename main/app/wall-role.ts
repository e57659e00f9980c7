/**
 * The host's two ends of the wall link. `--role wall --listen HOST:PORT --peer-pin FP` makes this
 * host a rack PC: its wall (and display, `--display MODEL@TARGET`) driven by one paired console.
 * `--wall HOST:PORT --wall-pin FP` makes a console drive that rack PC instead of its own wall.
 * Flags are checked before anything starts: a wrong one stops with a French sentence.
 */
import path from 'node:path';
import type { Registry } from '../records/registry/registry';
import type { WallController } from '../video/wall/controller';
import { openDisplay } from '../video/wall/display/display-config';
import { NO_DISPLAY, type DisplayControl } from '../video/wall/display/display-control';
import { loadOrCreateIdentity } from '../video/wall/link/identity';
import type { WallShown } from '../../common/contract';
import { RemoteWallController } from '../video/wall/link/remote-controller';
import { startWallNode, type LinkSecurityEvent, type WallNode } from '../video/wall/link/wall-node';
import type { HostPort } from './flags/host-port';
import { expected, FlagError } from './flags/flag-parser';
import { FLAGS, type Flags, type FlagSpec } from './flags/flags';

/** A wrong combination of the wall's flags, or a display profile that cannot be used. */
export class HostFlagError extends FlagError {
  constructor(message: string, flag = '') {
    super('invalid', flag, message);
  }
}

export type HostRole =
  | { role: 'console'; wall: (HostPort & { pin: string }) | null; display: string | null }
  | { role: 'wall'; listen: HostPort; peerPin: string; display: string | null };

const needs = (flag: string, s: FlagSpec): HostFlagError =>
  new HostFlagError(`--${flag} attend ${expected(s)}`, `--${flag}`);

/** The post's role from its parsed flags (each already well-formed); throws on a wrong combination. */
export function hostRole(f: Flags): HostRole {
  const display = f.display ?? null;
  if (f.role === 'wall') {
    if (f.wall !== undefined || f.wallPin !== undefined)
      throw new HostFlagError(
        '--wall est pour une console ; un poste mur reçoit --listen et --peer-pin',
        '--wall',
      );
    if (!f.listen) throw needs('listen', FLAGS.listen);
    if (!f.peerPin) throw needs('peer-pin', FLAGS.peerPin);
    return { role: 'wall', listen: f.listen, peerPin: f.peerPin, display };
  }
  if (f.listen !== undefined || f.peerPin !== undefined)
    throw new HostFlagError('--listen et --peer-pin sont pour le poste mur (--role wall)', '--listen');
  if (f.wall === undefined) {
    if (f.wallPin !== undefined) throw new HostFlagError('--wall-pin va avec --wall HÔTE:PORT', '--wall-pin');
    return { role: 'console', wall: null, display };
  }
  if (!f.wallPin) throw needs('wall-pin', FLAGS.wallPin);
  return { role: 'console', wall: { ...f.wall, pin: f.wallPin }, display };
}

/** Where display profiles are looked up: the post's own folder first, then the shipped ones. */
export const profileDirs = (dataDir: string, assetsDir: string): string[] => [
  path.join(dataDir, 'displays'),
  path.join(assetsDir, 'displays'),
];

export async function displayFrom(
  spec: string | null,
  dataDir: string,
  assetsDir: string,
  registry: Registry,
): Promise<DisplayControl> {
  if (!spec) return NO_DISPLAY;
  const d = await openDisplay(spec, profileDirs(dataDir, assetsDir), (e) => registry.append(e));
  if (!d.ok) throw new HostFlagError(d.message);
  return d.display;
}

/** The console's remote wall, for `createServices({ wallController })`. */
export async function remoteWall(
  wall: HostPort & { pin: string },
  dataDir: string,
): Promise<RemoteWallController> {
  const id = await loadOrCreateIdentity(dataDir);
  return new RemoteWallController({
    host: wall.host,
    port: wall.port,
    pin: wall.pin,
    key: id.key,
    cert: id.cert,
  });
}

/** Rack PC: the link's listener, security events in the registry (at most one a minute per kind). */
export async function startWallLink(
  r: Extract<HostRole, { role: 'wall' }>,
  dataDir: string,
  controller: WallController,
  display: DisplayControl,
  registry: Registry,
  shown?: () => WallShown[],
): Promise<WallNode> {
  const id = await loadOrCreateIdentity(dataDir);
  const lastRecorded = new Map<string, number>();
  const record = (e: LinkSecurityEvent): void => {
    const now = Date.now();
    if (now - (lastRecorded.get(e.kind) ?? 0) < 60_000) return;
    lastRecorded.set(e.kind, now);
    registry.append({ type: 'wall.link_refused', surface: 'wall', data: { ...e } });
  };
  return startWallNode({
    host: r.listen.host,
    port: r.listen.port,
    key: id.key,
    cert: id.cert,
    peerPin: r.peerPin,
    controller,
    display,
    onSecurityEvent: record,
    ...(shown && { shown }),
  });
}
