/**
 * Contract handlers of the annual report: compute it for a period (figures and charts), export it
 * as the committee's PDF or as CSV. Each generation is recorded in the registry (`report.generate`).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ChannelsOf } from '../../../common/contract';
import type { ReportFigures, ReportPeriodInput } from '../../../common/contract-report';
import { err, ok, type Result } from '../../../common/result';
import { storageErrorCode } from '../../platform/storage/atomic-write';
import type { EventHub, Handlers } from '../../platform/ipc/router';
import type { JobRunner } from '../../platform/jobs/job-runner';
import type { PostJobs } from '../../app/post-jobs';
import { createLogger } from '../../platform/log/logger';
import type { Registry, RegistryActor } from '../registry/registry';
import { renderCharts } from './charts';
import { reportCsv } from './report-csv';
import { reportPdf } from './report-pdf';

const log = createLogger('report');

export interface ReportDeps {
  dataDir: string;
  registry: Registry;
  events: EventHub;
  post: string;
  cameras: () => readonly { id: number; name: string }[];
  actor: (clientId: string) => RegistryActor | null;
  /** The report scans a year of registry: it runs in a worker thread, never on main's. */
  runner: JobRunner<PostJobs>;
}

/** Progress pushes at most every 100 ms, and always the last one. */
const PROGRESS_MS = 100;

export function reportHandlers(d: ReportDeps): Pick<Handlers, ChannelsOf<'report'>> {
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

  return {
    'report:run': async (p, ctx) => {
      const r = await compute(p, ctx.clientId);
      if (!r.ok) return r;
      const charts = renderCharts(r.value);
      record(ctx.clientId, p, 'screen');
      return ok({ figures: r.value, charts });
    },
    'report:export': async ({ format, ...p }, ctx) => {
      const r = await compute(p, ctx.clientId);
      if (!r.ok) return r;
      const dir = path.join(d.dataDir, 'exports');
      const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '').replace('T', '-');
      const file = path.join(dir, `rapport-annuel-${p.from}-${p.to}-${stamp}.${format}`);
      try {
        const body = format === 'csv' ? reportCsv(r.value) : await reportPdf(r.value, renderCharts(r.value));
        fs.mkdirSync(dir, { recursive: true });
        fs.writeFileSync(file, body, { mode: 0o600 });
      } catch (e) {
        log.error('report export not written', e);
        return err(storageErrorCode(e));
      }
      record(ctx.clientId, p, format, path.basename(file));
      return ok({ file });
    },
  };
}
