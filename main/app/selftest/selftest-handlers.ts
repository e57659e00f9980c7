/** The technician's screen runs the same self-test as `vigie selftest`. */
import path from 'node:path';
import { z } from 'zod';
import type { EventsOf } from '../../../common/contract';
import { ok } from '../../../common/result';
import { defineChannels, type EventAccess } from '../../platform/ipc/module';
import type { EventSink } from '../../platform/ipc/router';
import { text } from '../../platform/ipc/shapes';
import type { RegistryActor } from '../../records/registry/registry';
import { runSelftest, type SelftestDeps } from './selftest';
import { writeReport } from './selftest-report';

/** A run's progress goes to those who may run it. */
export const selftestEvents: EventAccess<EventsOf<'selftest'>> = { 'selftest:progress': 'settings' };

export function selftestHandlers(d: {
  /** What a run needs of the post, read when it starts. */
  deps: () => Omit<SelftestDeps, 'technician'>;
  dataDir: string;
  actor: (clientId: string) => RegistryActor | null;
  /** The post's PDF fonts folder (`<assets>/fonts`). */
  fonts?: string;
  events: EventSink;
}) {
  const { deps, dataDir, actor, fonts, events } = d;
  const progress = (done: number, total: number): void => events.emit('selftest:progress', { done, total });
  let running: Promise<Awaited<ReturnType<typeof runSelftest>>> | null = null;
  // Technicians and heads, never images.
  return defineChannels('selftest', {
    'selftest:run': {
      access: 'settings',
      input: z.strictObject({ technician: text({ max: 120 }).trim().min(1) }),
      handle: async ({ technician }, ctx) => {
        // One run at a time: a second click waits for the run under way.
        running ??= runSelftest({ ...deps(), technician, actor: actor(ctx.clientId), progress }).finally(
          () => {
            running = null;
          },
        );
        const report = await running;
        const files = await writeReport(report, path.join(dataDir, 'autotests'), fonts);
        return ok({ report, ...files });
      },
    },
  });
}
