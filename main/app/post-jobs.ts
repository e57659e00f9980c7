/**
 * Every job the post runs in a worker thread, by name. Each domain declares its own jobs beside
 * their code; main then calls `runner.run('<name>', params, …)`, typed from this table.
 */
import { reviveKeys, type RegistryKeys } from '../records/registry/registry-key';
import { JobRunner } from '../platform/jobs/job-runner';
import type { JobTable } from '../platform/jobs/serve-jobs';
import { CAMERAS_JOBS } from '../video/cameras/inventory-check';
import { INSTRUCTIONS_JOBS } from '../desk/instructions/instructions-parse';
import { MAP_JOBS } from '../desk/map/map-jobs';
import { REPORT_JOBS } from '../records/report/report-job';
import { REGISTRY_JOBS } from '../records/registry/registry-jobs';

export const POST_JOBS = {
  ...REGISTRY_JOBS,
  ...REPORT_JOBS,
  // Files someone else made: parsed, decoded or copied here, never on the thread that fans video out.
  ...INSTRUCTIONS_JOBS,
  ...MAP_JOBS,
  ...CAMERAS_JOBS,
} satisfies JobTable;

export type PostJobs = typeof POST_JOBS;

/** What every post job gets in memory (JobContext.shared): the registry's keys. */
export const reviveShared = reviveKeys;

/** The post's runner (main/app/services.ts): its jobs read the databases under dataDir. */
export const postJobRunner = (dataDir: string, keys: RegistryKeys): JobRunner<PostJobs> =>
  new JobRunner<PostJobs>({ dataDir, shared: keys });
