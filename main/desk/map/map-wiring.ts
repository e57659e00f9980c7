/** Composition of the map domain: its store under dataDir/map, its work in worker threads, its handlers. */
import type { JobRunner } from '../../platform/jobs/job-runner';
import type { PostJobs } from '../../app/post-jobs';
import type { Handlers, EventSink } from '../../platform/ipc/router';
import type { Registry, RegistryActor } from '../../records/registry/registry';
import { mapHandlers } from './map-handlers';
import { MapStore, type MapWork } from './map-store';

/** A plan is decoded whole in well under this; a tile folder (20 000 tiles at most) is copied within it. */
const PLAN_DEADLINE_MS = 30_000;
const TILES_DEADLINE_MS = 15 * 60_000;

export function mapWiring(o: {
  dataDir: string;
  registry: Registry;
  events: EventSink;
  actor: (clientId: string) => RegistryActor | null;
  jobs: JobRunner<PostJobs>;
}): { handlers: ReturnType<typeof mapHandlers>; close(): void } {
  // A job past its deadline gives job_timeout; a tile whose own read never ends is named (`timeout`).
  const work: MapWork = {
    checkPlan: (bytes) => o.jobs.run('map.checkPlan', { bytes }, { deadlineMs: PLAN_DEADLINE_MS }),
    copyTiles: (folder, dest) =>
      o.jobs.run('map.copyTiles', { folder, dest }, { deadlineMs: TILES_DEADLINE_MS }),
  };
  const store = new MapStore(o.dataDir, work);
  const { jobs: _jobs, ...deps } = o;
  return { handlers: mapHandlers({ store, ...deps }) satisfies Partial<Handlers>, close: () => undefined };
}
