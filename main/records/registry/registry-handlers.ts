/**
 * Contract handlers of the registry domain: consultation (paged), time slots viewed, exports,
 * verification, checkpoints, requisitions. Whatever scans the registry runs in the job runner's
 * worker threads; main only appends.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import {
  REGISTRY_PAGE_SIZE,
  type ChannelsOf,
  type EventsOf,
  type RegistryFilterInput,
} from '../../../common/contract';
import { err, ok } from '../../../common/result';
import { defineChannels, type EventAccess, type Module } from '../../platform/ipc/module';
import type { EventHub } from '../../platform/ipc/router';
import { cameraId, isoDate, text } from '../../platform/ipc/shapes';
import { storageErrorCode } from '../../platform/storage/atomic-write';
import type { JobRunner, ParamsOf } from '../../platform/jobs/job-runner';
import type { Registry, RegistryFilter, RegistryRow } from './registry';
import type { RegistryJobTable } from './registry-jobs';
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

/** What the registry's handlers need: the registry, its folder, the caller, and the job runner (its progress to the one caller). */
export interface RegistryDeps {
  registry: Registry;
  dataDir: string;
  actor: (clientId: string) => RegistryActor | null;
  runner: JobRunner<RegistryJobTable>;
  events: EventHub;
}

/**
 * A job's progress goes only to the console that started it, which already passed its channel's
 * right; whether the registry can write, to every session (the status area says why a login or a
 * camera call is refused).
 */
export const registryEvents: EventAccess<'jobs:progress' | 'registry:health'> = {
  'jobs:progress': 'session',
  'registry:health': 'session',
};

const filter = z.strictObject({
  from: isoDate.optional(),
  to: isoDate.optional(),
  login: text({ max: 40 }).optional(),
  cameraId: cameraId.optional(),
});
/** A registry entry number, as a paging cursor. */
const seq = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/** The registry's module: reading, exporting and checking it (the registry itself closes with the post). */
export function createRegistry(d: RegistryDeps): Module<ChannelsOf<'registry'>, EventsOf<'jobs'>> {
  // The registry's health (a full disk, then writable again) is pushed to every console.
  const off = d.registry.onHealth((v) => d.events.emit('registry:health', v));
  return { handlers: registryHandlers(d), events: registryEvents, close: off };
}

export function registryHandlers(d: RegistryDeps) {
  const { registry, dataDir, actor } = d;
  const stamp = (): string =>
    new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '').replace('T', '-');
  const run = <N extends keyof RegistryJobTable & string>(
    clientId: string,
    job: N,
    params: ParamsOf<RegistryJobTable, N>,
  ) =>
    d.runner.run(job, params, {
      onProgress: (fraction) => d.events.emitTo(clientId, 'jobs:progress', { job, fraction }),
    });
  return defineChannels('registry', {
    'registry:writable': {
      access: 'session',
      input: z.undefined(),
      handle: () => ok(registry.healthView()),
    },
    'registry:query': {
      access: 'registry',
      input: filter
        .extend({ before: seq.optional(), after: seq.optional(), upTo: seq.optional() })
        .refine((p) => p.before === undefined || p.after === undefined, { path: ['after'] }),
      handle: async ({ before, after, upTo, ...f }, ctx) => {
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
    },
    'registry:slots': {
      access: 'registry',
      input: filter.extend({ page: z.number().int().nonnegative().max(1_000_000).optional() }),
      handle: ({ page, ...f }, ctx) =>
        run(ctx.clientId, 'registry.slots', {
          filter: toFilter(f),
          page: page ?? 0,
          size: SLOTS_PAGE_SIZE,
          sessions: SESSIONS_SHOWN,
        }),
    },
    'registry:export': {
      access: 'registry',
      input: filter.extend({ format: z.enum(['csv', 'pdf']) }),
      // Reads the whole registry in a worker thread (the runner runs two at once and queues four).
      // Imports also run in a worker, but only for the few who may import, and a technician trying
      // file after file must not be told to wait: the runner's `jobs_busy` bounds them.
      limit: { burst: 3, perSecond: 0.2 },
      handle: async (f, ctx) => {
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
    },
    'registry:verify': {
      access: 'registry.admin',
      input: z.undefined(),
      handle: async (_p, ctx) => {
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
    },
    'registry:checkpoint': {
      access: 'registry.admin',
      input: z.undefined(),
      handle: (_p, ctx) => {
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
    },
    'registry:requisition': {
      access: 'registry',
      input: z.strictObject({
        number: text({ min: 1, max: 80 }),
        authority: text({ min: 1, max: 200 }),
        officer: text({ min: 1, max: 200 }),
        cameras: z.array(cameraId).min(1).max(200),
        slots: text({ min: 1, max: 500 }),
        copyRequested: z.boolean(),
      }),
      handle: (p, ctx) => {
        // The CIC cannot copy video: a requested copy is asked of the CSU, and the request is what is recorded.
        const row = registry.append({ type: 'requisition', actor: actor(ctx.clientId), data: { ...p } });
        return ok(entry(row));
      },
    },
  });
}
