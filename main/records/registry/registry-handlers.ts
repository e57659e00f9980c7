/**
 * Contract handlers of the registry domain: consultation (paged), time slots viewed, exports,
 * verification, checkpoints, requisitions. Whatever scans the registry runs in the job runner's
 * worker threads; main only appends.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REGISTRY_PAGE_SIZE, type ChannelsOf, type RegistryFilterInput } from '../../../common/contract';
import { err, ok } from '../../../common/result';
import type { EventHub, Handlers } from '../../platform/ipc/router';
import { storageErrorCode } from '../../platform/storage/atomic-write';
import type { JobRunner, ParamsOf } from '../../platform/jobs/job-runner';
import type { PostJobs } from '../../app/post-jobs';
import type { Registry, RegistryFilter, RegistryRow } from './registry';
import type { RegistryActor } from './registry';

export { latestCheckpoint, readCheckpointFile } from './checkpoint-file';

/** Merged slots per page, and raw sessions shown beside them (the newest). */
const SLOTS_PAGE_SIZE = 100;
const SESSIONS_SHOWN = 100;

export function toFilter(f: RegistryFilterInput): RegistryFilter {
  return {
    ...(f.from && { from: new Date(`${f.from}T00:00:00`).toISOString() }),
    ...(f.to && { to: new Date(`${f.to}T23:59:59.999`).toISOString() }),
    ...(f.login && { login: f.login }),
    ...(f.cameraId !== undefined && { cameraId: f.cameraId }),
  };
}

const entry = ({ mac: _m, ...r }: RegistryRow) => r;

/** What the registry's handlers need of the job runner: run a job, its progress to the one caller. */
export interface RegistryJobs {
  runner: JobRunner<PostJobs>;
  events: EventHub;
}

export function registryHandlers(
  registry: Registry,
  dataDir: string,
  actor: (clientId: string) => RegistryActor | null,
  jobs: RegistryJobs,
): Pick<Handlers, ChannelsOf<'registry'>> {
  const stamp = (): string =>
    new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '').replace('T', '-');
  const run = <N extends keyof PostJobs & string>(clientId: string, job: N, params: ParamsOf<PostJobs, N>) =>
    jobs.runner.run(job, params, {
      onProgress: (fraction) => jobs.events.emitTo(clientId, 'jobs:progress', { job, fraction }),
    });
  return {
    'registry:query': async ({ before, after, upTo, ...f }, ctx) => {
      const r = await run(ctx.clientId, 'registry.query', {
        filter: toFilter(f),
        size: REGISTRY_PAGE_SIZE,
        ...(before !== undefined && { before }),
        ...(after !== undefined && { after }),
        ...(upTo !== undefined && { upTo }),
      });
      // Consulting is recorded once per search, not once per page turned.
      if (r.ok && before === undefined && after === undefined)
        registry.append({ type: 'registry.consult', actor: actor(ctx.clientId), data: { filter: f } });
      return r;
    },
    'registry:slots': ({ page, ...f }, ctx) =>
      run(ctx.clientId, 'registry.slots', {
        filter: toFilter(f),
        page: page ?? 0,
        size: SLOTS_PAGE_SIZE,
        sessions: SESSIONS_SHOWN,
      }),
    'registry:export': async (f, ctx) => {
      const { format, ...rest } = f;
      const dir = path.join(dataDir, 'exports');
      const file = path.join(dir, `registre-${stamp()}.${format}`);
      try {
        fs.mkdirSync(dir, { recursive: true });
      } catch (e) {
        return err(storageErrorCode(e));
      }
      const r = await run(ctx.clientId, 'registry.export', {
        filter: toFilter(rest),
        format,
        file,
        post: os.hostname(),
      });
      if (!r.ok) return r;
      registry.append({
        type: 'registry.export',
        actor: actor(ctx.clientId),
        data: { format, filter: rest, file: path.basename(file), rows: r.value.rows },
      });
      return ok({ file });
    },
    'registry:verify': async (_p, ctx) => {
      const r = await run(ctx.clientId, 'registry.verify', {});
      if (!r.ok) return r;
      const v = r.value;
      registry.append({
        type: 'registry.verify',
        actor: actor(ctx.clientId),
        data: v.ok
          ? { ok: true, rows: v.rows }
          : {
              ok: false,
              firstBadSeq: v.firstBadSeq,
              problem: v.problem,
              rangeCount: v.rangeCount,
              ranges: v.ranges,
            },
      });
      return ok(v);
    },
    'registry:checkpoint': (_p, ctx) => {
      const c = registry.checkpoint();
      const file = path.join(dataDir, 'checkpoints', `checkpoint-${String(c.seq).padStart(10, '0')}.json`);
      try {
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, JSON.stringify(c, null, 2));
      } catch (e) {
        return err(storageErrorCode(e));
      }
      registry.append({
        type: 'registry.checkpoint',
        actor: actor(ctx.clientId),
        data: { seq: c.seq, mac: c.mac },
      });
      return ok({ file });
    },
    'registry:requisition': (p, ctx) => {
      // The CIC cannot copy video: a requested copy is asked of the CSU, and the request is what is recorded.
      const row = registry.append({ type: 'requisition', actor: actor(ctx.clientId), data: { ...p } });
      return ok(entry(row));
    },
  };
}
