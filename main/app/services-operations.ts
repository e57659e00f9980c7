/**
 * Composition of the CIC's operations (issue 12): common instructions, incident reports and
 * contacts, special operations, the site map and the annual report. Like services.ts, it only
 * composes: each domain's wiring lives in its own folder.
 */
import type { ChannelsOf } from '../../common/contract';
import type { EventHub, Handlers } from '../platform/ipc/router';
import { docsWiring, parseInWorker } from '../desk/instructions/docs-wiring';
import type { JobRunner } from '../platform/jobs/job-runner';
import type { PostJobs } from './post-jobs';
import { mapWiring } from '../desk/map/map-wiring';
import type { OperationTags } from '../desk/operations/operation-tags';
import { operationsWiring, type OperationsWiringDeps } from '../desk/operations/operations-wiring';
import type { Registry, RegistryActor } from '../records/registry/registry';
import { reportHandlers } from '../records/report/report-handlers';
import type { WallDesk } from '../video/wall/wall-desk';

export interface OperationsDeps {
  dataDir: string;
  registry: Registry;
  events: EventHub;
  wall: WallDesk;
  inventory: { camera(id: number): unknown; cameras(): readonly { id: number; name: string }[] };
  auth: OperationsWiringDeps['auth'];
  post: string;
  jobs: JobRunner<PostJobs>;
  /** Viewing and PTZ entries are tagged with the special operation that covers their camera. */
  tags: OperationTags;
}

type OperationsChannels = ChannelsOf<
  'operations' | 'instructions' | 'incidents' | 'contacts' | 'map' | 'report'
>;

export function composeOperations(d: OperationsDeps): {
  handlers: Pick<Handlers, OperationsChannels>;
  close(): void;
} {
  const actor = (clientId: string): RegistryActor | null => d.auth.actor(clientId);
  const ops = operationsWiring({
    dataDir: d.dataDir,
    registry: d.registry,
    events: d.events,
    wall: d.wall,
    inventory: d.inventory,
    auth: d.auth,
  });
  d.tags.source = (id) => ops.service.tagFor(id);
  const docs = docsWiring({
    dataDir: d.dataDir,
    registry: d.registry,
    events: d.events,
    actor,
    knownCamera: (id) => d.inventory.camera(id) !== undefined,
    parse: parseInWorker(d.jobs),
  });
  const map = mapWiring({ dataDir: d.dataDir, registry: d.registry, events: d.events, actor, jobs: d.jobs });
  return {
    handlers: {
      ...ops.handlers,
      ...docs.handlers,
      ...map.handlers,
      ...reportHandlers({
        dataDir: d.dataDir,
        registry: d.registry,
        events: d.events,
        post: d.post,
        cameras: () => d.inventory.cameras(),
        actor,
        runner: d.jobs,
      }),
    },
    close: () => {
      map.close();
      ops.close();
      docs.close();
    },
  };
}
