/** `selftest:run`: the technician's screen runs the same self-test as `vigie selftest`. */
import path from 'node:path';
import { ok } from '../../../common/result';
import type { Handlers } from '../../platform/ipc/router';
import type { RegistryActor } from '../../records/registry/registry';
import { runSelftest, type SelftestDeps } from './selftest';
import { writeReport } from './selftest-report';

export function selftestHandlers(
  deps: () => Omit<SelftestDeps, 'technician'>,
  dataDir: string,
  actor: (clientId: string) => RegistryActor | null,
): Pick<Handlers, 'selftest:run'> {
  let running: Promise<Awaited<ReturnType<typeof runSelftest>>> | null = null;
  return {
    'selftest:run': async ({ technician }, ctx) => {
      // One run at a time: a second click waits for the run under way.
      running ??= runSelftest({ ...deps(), technician, actor: actor(ctx.clientId) }).finally(() => {
        running = null;
      });
      const report = await running;
      const files = await writeReport(report, path.join(dataDir, 'autotests'));
      return ok({ report, ...files });
    },
  };
}
