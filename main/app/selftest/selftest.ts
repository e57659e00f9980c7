/**
 * The commissioning self-test: every check a technician needs before officers rely on a freshly
 * installed post. Each check is pass, warn or fail with a reason; none stops the others.
 */
import type { CredentialStore } from '../../video/cameras/credentials';
import type { Camera } from '../../video/cameras/inventory-schema';
import type { Registry, RegistryActor } from '../../records/registry/registry';
import { checkCameras } from './check-cameras';
import { checkClock } from './check-clock';
import { checkInputs, type InputConfig, type InputListing } from './check-inputs';
import { checkPtz, type CredentialsOf } from './check-ptz';
import { checkRegistry } from './check-registry';
import { summarise, type CheckResult, type SelftestReport } from './selftest-types';

export interface SelftestDeps {
  post: string;
  technician: string;
  app: SelftestReport['app'];
  registry: Registry;
  cameras: Camera[];
  ffmpegPath: string;
  credentials: CredentialStore;
  credentialsOf: CredentialsOf;
  ntp?: string | undefined;
  inputs: InputConfig;
  hidListing?: InputListing;
  /** Checks only some hosts can make (Electron's screens, the wall link, the CSU notifier). */
  displays?: () => Promise<CheckResult[]>;
  wall?: () => Promise<CheckResult[]>;
  csu?: () => Promise<CheckResult[]>;
  cameraSeconds?: number;
  /** Who runs it (the technician's session), recorded with the run. */
  actor?: RegistryActor | null;
}

const guard = async (
  group: CheckResult['group'],
  f: () => Promise<CheckResult[]>,
): Promise<CheckResult[]> => {
  try {
    return await f();
  } catch {
    return [{ group, subject: '-', status: 'fail', code: 'check_failed' }];
  }
};

export async function runSelftest(
  d: SelftestDeps,
  now: () => Date = () => new Date(),
): Promise<SelftestReport> {
  const at = now().toISOString();
  const parts = await Promise.all([
    guard(
      'displays',
      d.displays ??
        (async () => [{ group: 'displays', subject: '-', status: 'warn', code: 'displays_unavailable' }]),
    ),
    guard('inputs', () => checkInputs(d.inputs, d.hidListing)),
    guard('cameras', () =>
      checkCameras(d.cameras, {
        ffmpegPath: d.ffmpegPath,
        credentials: d.credentials,
        ...(d.cameraSeconds !== undefined && { seconds: d.cameraSeconds }),
      }),
    ),
    guard('ptz', () => checkPtz(d.cameras, d.credentialsOf)),
    guard('clock', async () => [await checkClock(d.ntp)]),
    guard(
      'wall',
      d.wall ?? (async () => [{ group: 'wall', subject: '-', status: 'pass', code: 'wall_none' }]),
    ),
    guard('csu', d.csu ?? (async () => [{ group: 'csu', subject: '-', status: 'warn', code: 'csu_none' }])),
  ]);
  const before = parts.flat();
  // Last: the registry records the run (proving it is writable), then verifies its chain.
  const s = summarise(before);
  const reg = checkRegistry(d.registry, { post: d.post, technician: d.technician, ...s }, d.actor ?? null);
  const results = [...before, ...reg];
  return {
    version: 1,
    at,
    post: d.post,
    technician: d.technician,
    app: d.app,
    results,
    summary: summarise(results),
  };
}
