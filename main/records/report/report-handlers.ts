/**
 * Contract handlers of the annual report: compute it for a period (figures and charts), export it
 * as the committee's PDF or as CSV. Each generation is recorded in the registry (`report.generate`).
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { ChannelsOf, EventsOf, ReportFigures, ReportPeriodInput } from '../../../common/contract';
import { err, ok, type Result } from '../../../common/result';
import { storageErrorCode } from '../../platform/storage/atomic-write';
import { defineChannels, type EventAccess, type Module } from '../../platform/ipc/module';
import type { EventHub } from '../../platform/ipc/router';
import { isoDate } from '../../platform/ipc/shapes';
import type { JobRunner } from '../../platform/jobs/job-runner';
import { createLogger } from '../../platform/log/logger';
import type { Registry, RegistryActor } from '../registry/registry';
import { renderCharts } from './charts';
import { reportCsv } from './report-csv';
import type { ReportJobTable } from './report-job';
import { reportPdf } from './report-pdf';

const log = createLogger('report');

export interface ReportDeps {
  dataDir: string;
  registry: Registry;
  events: EventHub;
  post: string;
  cameras: () => readonly { id: number; name: string }[];
  actor: (clientId: string) => RegistryActor | null;
  /** The post's PDF fonts folder (`<assets>/fonts`). */
  fonts?: string;
  /** The report scans a year of registry: it runs in a worker thread, never on main's. */
  runner: JobRunner<ReportJobTable>;
}

/** Progress pushes at most every 100 ms, and always the last one. */
const PROGRESS_MS = 100;

/** Only to the window that asked. */
export const reportEvents: EventAccess<'report:progress'> = { 'report:progress': 'registry' };

/** The report's period: two dates, the end not before the start, at most ten years. */
const period = z.strictObject({ from: isoDate, to: isoDate });
const ordered = <T extends { from: string; to: string }>(p: T): boolean =>
  p.from <= p.to && Date.parse(p.to) - Date.parse(p.from) <= 3660 * 86_400_000;
/** Each computes a year of registry in a worker thread. */
const limit = { burst: 3, perSecond: 0.2 };

// The registry's readers (supervisor, head).
export function reportHandlers(d: ReportDeps) {
  const running = new Map<string, AbortController>();

  const compute = async (p: ReportPeriodInput, clientId: string): Promise<Result<ReportFigures>> => {
    running.get(clientId)?.abort(); // a newer request from the same window replaces the older one
    const ac = new AbortController();
    running.set(clientId, ac);
    let last = 0;
    const onProgress = (fraction: number): void => {
      const now = Date.now();
      if (fraction < 1 && now - last < PROGRESS_MS) return;
      last = now;
      d.events.emitTo(clientId, 'report:progress', { fraction });
    };
    try {
      const cameras = d.cameras().map((c): [number, string] => [c.id, c.name]);
      const r = await d.runner.run(
        'report.compute',
        { ...p, nowMs: Date.now(), post: d.post, cameras },
        { onProgress, signal: ac.signal },
      );
      if (r.ok) return r;
      if (ac.signal.aborted || r.error.code === 'job_cancelled')
        return err('report_failed', { reason: 'cancelled' });
      if (r.error.code === 'jobs_busy') return r;
      log.error(`report failed: ${r.error.code}`);
      return err('report_failed');
    } finally {
      if (running.get(clientId) === ac) running.delete(clientId);
    }
  };

  const record = (clientId: string, p: ReportPeriodInput, format: string, file?: string): void => {
    d.registry.append({
      type: 'report.generate',
      actor: d.actor(clientId),
      data: { from: p.from, to: p.to, format, ...(file && { file }) },
    });
  };

  return defineChannels('report', {
    'report:run': {
      access: 'registry',
      input: period.refine(ordered, { path: ['to'] }),
      limit: limit,
      handle: async (p, ctx) => {
        const r = await compute(p, ctx.clientId);
        if (!r.ok) return r;
        const charts = renderCharts(r.value);
        record(ctx.clientId, p, 'screen');
        return ok({ figures: r.value, charts });
      },
    },
    'report:export': {
      access: 'registry',
      input: period.extend({ format: z.enum(['pdf', 'csv']) }).refine(ordered, { path: ['to'] }),
      limit: limit,
      handle: async ({ format, ...p }, ctx) => {
        const r = await compute(p, ctx.clientId);
        if (!r.ok) return r;
        const dir = path.join(d.dataDir, 'exports');
        const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '').replace('T', '-');
        const file = path.join(dir, `rapport-annuel-${p.from}-${p.to}-${stamp}.${format}`);
        try {
          const body =
            format === 'csv' ? reportCsv(r.value) : await reportPdf(r.value, renderCharts(r.value), d.fonts);
          fs.mkdirSync(dir, { recursive: true });
          fs.writeFileSync(file, body, { mode: 0o600 });
        } catch (e) {
          log.error('report export not written', e);
          return err(storageErrorCode(e));
        }
        record(ctx.clientId, p, format, path.basename(file));
        return ok({ file });
      },
    },
  });
}

/** The annual report's module. */
export function createReport(d: ReportDeps): Module<ChannelsOf<'report'>, EventsOf<'report'>> {
  return { handlers: reportHandlers(d), events: reportEvents };
}
