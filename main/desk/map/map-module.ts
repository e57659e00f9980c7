/** The site map's module: its store under dataDir/map, its work in worker threads, its handlers. */
import type { ChannelsOf, EventsOf } from '../../../common/contract';
import type { JobRunner } from '../../platform/jobs/job-runner';
import type { Module } from '../../platform/ipc/module';
import type { EventSink } from '../../platform/ipc/router';
import type { Registry, RegistryActor } from '../../records/registry/registry';
import { mapEvents, mapHandlers } from './map-handlers';
import type { MapJobTable } from './map-jobs';
import { MapStore, type MapWork } from './map-store';

/** A plan is decoded whole in well under this; a tile folder (20 000 tiles at most) is copied within it. */
const PLAN_DEADLINE_MS = 30_000;
const TILES_DEADLINE_MS = 15 * 60_000;

export function createMap(d: {
  dataDir: string;
  registry: Registry;
  events: EventSink;
  actor: (clientId: string) => RegistryActor | null;
  jobs: JobRunner<MapJobTable>;
}): Module<ChannelsOf<'map'>, EventsOf<'map'>> {
  // A job past its deadline gives job_timeout; a tile whose own read never ends is named (`timeout`).
  const work: MapWork = {
    checkPlan: (bytes) => d.jobs.run('map.checkPlan', { bytes }, { deadlineMs: PLAN_DEADLINE_MS }),
    copyTiles: (folder, dest) =>
      d.jobs.run('map.copyTiles', { folder, dest }, { deadlineMs: TILES_DEADLINE_MS }),
  };
  const store = new MapStore(d.dataDir, work);
  const { jobs: _jobs, dataDir: _dir, ...deps } = d;
  return { handlers: mapHandlers({ store, ...deps }), events: mapEvents };
}
