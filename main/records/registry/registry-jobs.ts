/**
 * The registry's long jobs, run in a worker thread: a page of entries, the time slots viewed,
 * the chain verification and the exports. Each reads one snapshot through its own read-only
 * connection; only main appends (the consultation, verification and export entries).
 */
import fs from 'node:fs';
import type { DatabaseSync } from 'node:sqlite';
import type {
  RegistryEntryView,
  RegistryPage,
  RegistrySlotsPage,
  VerifyView,
} from '../../../common/contract';
import { storageErrorCode } from '../../platform/storage/atomic-write';
import { latestCheckpoint } from './checkpoint-file';
import { ROWS, filterWhere, type RegistryFilter } from './registry-rows';
import { verifyChain, type RegistryRow } from './registry-chain';
import type { RegistryKeys } from './registry-key';
import { toCsv, toPdf } from './registry-export';
import type { JobContext, JobModule } from '../../platform/jobs/job';
import { JobError } from '../../platform/jobs/worker-protocol';
import { and, anchorOf, seqProgress, withSnapshot } from './registry-read';
import { mergeSlots, pairSessions, type ViewRow } from './registry-slots';

const entry = ({ mac: _m, ...r }: RegistryRow): RegistryEntryView => r;
/** Progress is reported every this many rows. */
const EVERY = 4096;

function* reporting<T extends { seq: number }>(
  rows: Iterable<T>,
  at: (seq: number) => number,
  ctx: JobContext<RegistryKeys>,
) {
  let n = 0;
  for (const r of rows) {
    if (++n % EVERY === 0) ctx.progress(at(r.seq));
    yield r;
  }
  ctx.progress(1);
}

export interface QueryParams {
  filter: RegistryFilter;
  before?: number;
  after?: number;
  /** Entries after this one (appended since the search) are left out. */
  upTo?: number;
  size: number;
}

/** Newest first, keyset on seq: `before` gives the page older than it, `after` the one newer. */
export const registryQueryJob: JobModule<QueryParams, RegistryPage, RegistryKeys> = {
  run: (p, ctx) =>
    withSnapshot(ctx.dataDir, (db) => {
      const filtered = filterWhere(p.filter);
      const where = p.upTo === undefined ? filtered.sql : and(filtered.sql, `seq <= ${Math.floor(p.upTo)}`);
      const args = filtered.args;
      const all = (sql: string, ...more: number[]): RegistryRow[] =>
        db.prepare(sql).all(...args, ...more) as unknown as RegistryRow[];
      const exists = (cond: string, seq: number): boolean =>
        db.prepare(`SELECT 1 FROM registry ${and(where, cond)} LIMIT 1`).get(...args, seq) !== undefined;
      let rows =
        p.after !== undefined
          ? all(`${ROWS} ${and(where, 'seq > ?')} ORDER BY seq ASC LIMIT ?`, p.after, p.size).reverse()
          : p.before !== undefined
            ? all(`${ROWS} ${and(where, 'seq < ?')} ORDER BY seq DESC LIMIT ?`, p.before, p.size)
            : [];
      // The first page, or nothing newer any more: the newest entries.
      if (!rows.length) rows = all(`${ROWS} ${where} ORDER BY seq DESC LIMIT ?`, p.size);
      ctx.progress(0.5);
      const { n } = db.prepare(`SELECT count(*) AS n FROM registry ${where}`).get(...args) as { n: number };
      const newest = rows[0];
      const oldest = rows.at(-1);
      return {
        entries: rows.map(entry),
        total: n,
        hasNewer: newest ? exists('seq > ?', newest.seq) : false,
        hasOlder: oldest ? exists('seq < ?', oldest.seq) : false,
      };
    }),
};

export interface SlotsParams {
  filter: RegistryFilter;
  page: number;
  size: number;
  /** The newest raw sessions returned alongside. */
  sessions: number;
}

const VIEW_ROWS = `SELECT seq, type, at, login, name, rank, service, camera_id AS cameraId, surface,
  json_extract(data, '$.viewId') AS viewId FROM registry`;

export const registrySlotsJob: JobModule<SlotsParams, RegistrySlotsPage, RegistryKeys> = {
  run: (p, ctx) =>
    withSnapshot(ctx.dataDir, (db) => {
      const { sql: where, args } = filterWhere({ ...p.filter, types: ['view.start', 'view.end'] });
      const rows = db.prepare(`${VIEW_ROWS} ${where} ORDER BY seq`).iterate(...args) as Iterable<
        ViewRow & { seq: number }
      >;
      const sessions = pairSessions(reporting(rows, seqProgress(db), ctx));
      const slots = mergeSlots(sessions, new Date());
      const pages = Math.max(1, Math.ceil(slots.length / p.size));
      const page = Math.min(p.page, pages - 1);
      return {
        slots: slots.slice(page * p.size, (page + 1) * p.size),
        page,
        pages,
        total: slots.length,
        sessions: sessions.slice(-p.sessions), // the newest, in the order they began
      };
    }),
};

function verifyIn(db: DatabaseSync, ctx: JobContext<RegistryKeys>, checkpoint: unknown): VerifyView {
  const rows = db.prepare(`${ROWS} ORDER BY seq`).iterate() as Iterable<RegistryRow>;
  return verifyChain(ctx.shared, anchorOf(db), reporting(rows, seqProgress(db), ctx), checkpoint);
}

/** The whole chain, from one snapshot, against the newest checkpoint file. */
export const registryVerifyJob: JobModule<Record<string, never>, VerifyView, RegistryKeys> = {
  run: async (_p, ctx) => {
    const checkpoint = await latestCheckpoint(ctx.dataDir);
    return withSnapshot(ctx.dataDir, (db) => verifyIn(db, ctx, checkpoint));
  },
};

export interface ExportParams {
  filter: RegistryFilter;
  format: 'csv' | 'pdf';
  /** The file to write (main names it, under dataDir/exports). */
  file: string;
  post: string;
}

/** CSV is written in chunks, whatever the size; the PDF holds its verification's result. */
export const registryExportJob: JobModule<ExportParams, { rows: number }, RegistryKeys> = {
  run: (p, ctx) =>
    withSnapshot(ctx.dataDir, async (db) => {
      const { sql: where, args } = filterWhere(p.filter);
      const at = seqProgress(db);
      const rows = reporting(
        db.prepare(`${ROWS} ${where} ORDER BY seq`).iterate(...args) as Iterable<RegistryRow>,
        at,
        ctx,
      );
      try {
        if (p.format === 'pdf') {
          const all = [...rows];
          const checked = verifyIn(db, ctx, await latestCheckpoint(ctx.dataDir));
          const body = await toPdf(all, p.filter, checked, p.post);
          fs.writeFileSync(p.file, body, { mode: 0o600 });
          return { rows: all.length };
        }
        return writeCsv(p.file, rows, ctx);
      } catch (e) {
        if (e instanceof JobError || ctx.signal.aborted) throw e;
        throw new JobError(storageErrorCode(e));
      }
    }),
};

const CSV_CHUNK = 5000;

async function writeCsv(
  file: string,
  rows: Iterable<RegistryRow>,
  ctx: JobContext<RegistryKeys>,
): Promise<{ rows: number }> {
  const fd = fs.openSync(file, 'w', 0o600);
  let count = 0;
  try {
    let chunk: RegistryRow[] = [];
    const flush = async (): Promise<void> => {
      const csv = toCsv(chunk);
      // One header and one BOM, at the top of the file.
      fs.writeSync(fd, count === chunk.length ? csv : csv.slice(csv.indexOf('\r\n') + 2));
      chunk = [];
      await new Promise((r) => setImmediate(r)); // lets a cancellation in
      if (ctx.signal.aborted) throw new JobError('job_cancelled');
    };
    for (const r of rows) {
      chunk.push(r);
      count++;
      if (chunk.length === CSV_CHUNK) await flush();
    }
    if (chunk.length || count === 0) await flush();
  } finally {
    fs.closeSync(fd);
  }
  return { rows: count };
}

/** The registry's jobs by name: the post's table (main/app/post-jobs.ts) holds them. */
export const REGISTRY_JOBS = {
  'registry.query': registryQueryJob,
  'registry.slots': registrySlotsJob,
  'registry.verify': registryVerifyJob,
  'registry.export': registryExportJob,
};
export type RegistryJobTable = typeof REGISTRY_JOBS;
