/**
 * Where the report job runs. Today it is called in-process; at merge the lead switches this one
 * function to the worker runner (main/jobs/) so the registry scan leaves the main thread.
 */
import type { ReportFigures } from '../../common/contract-report';
import type { JobContext } from '../jobs/job';
import { run, type ReportParams } from './report-job';

export function runReportJob(params: ReportParams, ctx: JobContext): Promise<ReportFigures> {
  return run(params, ctx);
}
