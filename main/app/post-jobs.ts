/**
 * Every job the post runs in a worker thread, by name. Registering a job is one line here; main
 * then calls `runner.run('<name>', params, …)`, typed from this table.
 */
import type { RegistryKeys } from '../records/registry/registry-key';
import { JobRunner } from '../platform/jobs/job-runner';
import type { JobTable } from '../platform/jobs/serve-jobs';
import { checkImport } from '../video/cameras/inventory-check';
import type { Camera } from '../video/cameras/inventory-schema';
import { parseInstructions } from '../desk/instructions/instructions-parse';
import { checkPlan, copyTiles } from '../desk/map/map-jobs';
import { run as runReport } from '../records/report/report-job';
import {
  registryExportJob,
  registryQueryJob,
  registrySlotsJob,
  registryVerifyJob,
} from '../records/registry/registry-jobs';

export const POST_JOBS = {
  'registry.query': registryQueryJob,
  'registry.slots': registrySlotsJob,
  'registry.verify': registryVerifyJob,
  'registry.export': registryExportJob,
  'report.compute': { run: runReport },
  // Files someone else made: parsed, decoded or copied here, never on the thread that fans video out.
  'instructions.parse': {
    run: (p: { fileName: string; bytes: Uint8Array; categories?: string[] }) =>
      parseInstructions(p.fileName, Buffer.from(p.bytes), p.categories),
  },
  'map.checkPlan': { run: checkPlan },
  'cameras.check': {
    run: async (p: { fileName: string; bytes: Uint8Array; inForce: Camera[] }) =>
      checkImport(p.fileName, p.bytes, p.inForce),
  },
  'map.copyTiles': { run: copyTiles },
} satisfies JobTable;

export type PostJobs = typeof POST_JOBS;

/** The post's runner (main/services.ts): its jobs read the databases under dataDir. */
export const postJobRunner = (dataDir: string, keys: RegistryKeys): JobRunner<PostJobs> =>
  new JobRunner<PostJobs>({ dataDir, keys });
