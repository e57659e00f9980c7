/**
 * The annual report as a job (main/jobs/job.ts): it opens the registry read-only and the status
 * history, scans the registry once in entry order up to the period's end, reports its progress and
 * stops at the next row when cancelled. Meant for a worker thread: it touches nothing of main's.
 */
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { ReportFigures } from '../../../common/contract';
import type { JobContext, JobModule } from '../../platform/jobs/job';
import { readTransitions } from '../../video/streams/status-history';
import { ReportAccumulator, type ReportRow } from './report-compute';

export interface ReportParams {
  /** AAAA-MM-JJ, both included, in the post's local time. */
  from: string;
  to: string;
  /** Epoch ms: the figures stop here (the current day is not over). */
  nowMs: number;
  post: string;
  /** The inventory's names, as [id, name] pairs (plain data, to cross to a worker). */
  cameras: [number, string][];
}

/** Local midnight of a date, and of the day after the last one (DST-safe). */
export function periodBounds(from: string, to: string): { fromMs: number; toMs: number } {
  const start = new Date(`${from}T00:00:00`);
  const end = new Date(`${to}T00:00:00`);
  end.setDate(end.getDate() + 1);
  return { fromMs: start.getTime(), toMs: end.getTime() };
}

/** What the report reads: viewing, PTZ, incidents, operations and requisitions. */
const TYPES = [
  'view.start',
  'view.end',
  'ptz.grant',
  'ptz.extend',
  'ptz.release',
  'ptz.expire',
  'ptz.preempt',
  'ptz.notify',
  'ptz.refuse',
  'ptz.override',
  'incident.report',
  'operation.start',
  'operation.extend',
  'operation.close',
  'requisition',
];

const CHECK_EVERY = 500;

export async function run(params: ReportParams, ctx: JobContext): Promise<ReportFigures> {
  const { fromMs, toMs } = periodBounds(params.from, params.to);
  const period = { fromMs, toMs, nowMs: params.nowMs };
  const acc = new ReportAccumulator(period);
  const db = new DatabaseSync(path.join(ctx.dataDir, 'registry.db'), { readOnly: true });
  try {
    db.exec('PRAGMA busy_timeout = 10000;');
    const until = new Date(toMs).toISOString();
    const types = TYPES.map(() => '?').join(',');
    const { n } = db
      .prepare(`SELECT COUNT(*) AS n FROM registry WHERE at < ? AND type IN (${types})`)
      .get(until, ...TYPES) as { n: number };
    const rows = db
      .prepare(
        `SELECT at, type, camera_id AS cameraId, surface, data FROM registry
         WHERE at < ? AND type IN (${types}) ORDER BY seq`,
      )
      .iterate(until, ...TYPES) as Iterable<ReportRow>;
    let i = 0;
    for (const r of rows) {
      acc.add(r);
      if (++i % CHECK_EVERY === 0) {
        ctx.signal.throwIfAborted();
        ctx.progress((0.9 * i) / Math.max(1, n));
        // Let the worker's messages (cancel) through on a long scan.
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
  } finally {
    db.close();
  }
  ctx.signal.throwIfAborted();
  const transitions = readTransitions(ctx.dataDir, fromMs, toMs);
  ctx.progress(1);
  return acc.figures(new Map(params.cameras), transitions, {
    post: params.post,
    from: params.from,
    to: params.to,
  });
}

export default { run } satisfies JobModule<ReportParams, ReportFigures>;

/** The report's job by name: the post's table (main/app/post-jobs.ts) holds it. */
export const REPORT_JOBS = { 'report.compute': { run } };
export type ReportJobTable = typeof REPORT_JOBS;
