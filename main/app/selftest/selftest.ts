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
import { checkRegistry, checkSharedRegistry } from './check-registry';
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
  /** After each check: how many are done out of the total (each group, and each camera). */
  progress?: (done: number, total: number) => void;
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
  // Seven groups run together, the cameras one by one inside theirs, then the registry.
  const total = 8 + Math.max(0, d.cameras.length - 1);
  let done = 0;
  const step = (): void => {
    done = Math.min(total, done + 1);
    d.progress?.(done, total);
  };
  const counted = <T>(p: Promise<T>): Promise<T> => p.finally(step);
  d.progress?.(0, total);
  const parts = await Promise.all([
    counted(
      guard(
        'displays',
        d.displays ??
          (async () => [{ group: 'displays', subject: '-', status: 'warn', code: 'displays_unavailable' }]),
      ),
    ),
    counted(guard('inputs', () => checkInputs(d.inputs, d.hidListing))),
    // Each camera probed is one step; the steps a failed group did not take are taken at its end.
    (async () => {
      let probed = 0;
      const r = await guard('cameras', () =>
        checkCameras(d.cameras, {
          ffmpegPath: d.ffmpegPath,
          credentials: d.credentials,
          ...(d.cameraSeconds !== undefined && { seconds: d.cameraSeconds }),
          probed: () => {
            probed++;
            step();
          },
        }),
      );
      for (let i = probed; i < Math.max(1, d.cameras.length); i++) step();
      return r;
    })(),
    counted(guard('ptz', () => checkPtz(d.cameras, d.credentialsOf))),
    counted(guard('clock', async () => [await checkClock(d.ntp)])),
    counted(
      guard(
        'wall',
        d.wall ?? (async () => [{ group: 'wall', subject: '-', status: 'pass', code: 'wall_none' }]),
      ),
    ),
    counted(
      guard('csu', d.csu ?? (async () => [{ group: 'csu', subject: '-', status: 'warn', code: 'csu_none' }])),
    ),
  ]);
  const before = parts.flat();
  // Last: the registry records the run (proving it is writable), then verifies its chain.
  const s = summarise(before);
  const reg = checkRegistry(d.registry, { post: d.post, technician: d.technician, ...s }, d.actor ?? null);
  // The CIC's shared registry, when the post has one, is part of the registry's step.
  const shared = await checkSharedRegistry(d.registry);
  step();
  const results = [...before, ...reg, ...shared];
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
