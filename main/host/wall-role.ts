/**
 * The host's two ends of the wall link. `--role wall --listen HOST:PORT --peer-pin FP` makes this
 * host a rack PC: its wall (and display, `--display MODEL@TARGET`) driven by one paired console.
 * `--wall HOST:PORT --wall-pin FP` makes a console drive that rack PC instead of its own wall.
 * Flags are checked before anything starts: a wrong one stops with a French sentence.
 */
import path from 'node:path';
import type { Registry } from '../registry/registry';
import type { WallController } from '../wall/controller';
import { openDisplay } from '../wall/display/display-config';
import { NO_DISPLAY, type DisplayControl } from '../wall/display/display-control';
import { loadOrCreateIdentity, normalizeFingerprint } from '../wall/link/identity';
import type { Shown } from '../wall/link/protocol';
import { RemoteWallController } from '../wall/link/remote-controller';
import { startWallNode, type LinkSecurityEvent, type WallNode } from '../wall/link/wall-node';
import { option, parseHostPort, type HostPort } from './cli-args';

export class HostFlagError extends Error {}

export type HostRole =
  | { role: 'console'; wall: (HostPort & { pin: string }) | null; display: string | null }
  | { role: 'wall'; listen: HostPort; peerPin: string; display: string | null };

function pin(args: string[], flag: string): string {
  const raw = option(args, flag);
  const fp = raw === undefined ? null : normalizeFingerprint(raw);
  if (!fp)
    throw new HostFlagError(
      `--${flag} attend l’empreinte SHA-256 du poste appairé (64 chiffres hexadécimaux, avec ou sans « : »), ` +
        'affichée par « vigie wall identity » sur ce poste',
    );
  return fp;
}

function endpoint(args: string[], flag: string): HostPort {
  const hp = parseHostPort(option(args, flag));
  if (!hp) throw new HostFlagError(`--${flag} attend HÔTE:PORT (ex. 10.0.0.12:5790)`);
  return hp;
}

export function hostRole(args: string[]): HostRole {
  const role = option(args, 'role') ?? 'console';
  const display = option(args, 'display') ?? null;
  if (role === 'wall') {
    if (option(args, 'wall') !== undefined)
      throw new HostFlagError('--wall est pour une console ; un poste mur reçoit --listen et --peer-pin');
    return { role, listen: endpoint(args, 'listen'), peerPin: pin(args, 'peer-pin'), display };
  }
  if (role !== 'console') throw new HostFlagError(`--role attend console ou wall, reçu « ${role} »`);
  if (option(args, 'listen') !== undefined || option(args, 'peer-pin') !== undefined)
    throw new HostFlagError('--listen et --peer-pin sont pour le poste mur (--role wall)');
  if (option(args, 'wall') === undefined) return { role, wall: null, display };
  return { role, wall: { ...endpoint(args, 'wall'), pin: pin(args, 'wall-pin') }, display };
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
  shown?: () => Shown,
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
