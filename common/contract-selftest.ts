/** The technician's commissioning self-test screen: run it, get the report and where it was filed. */
import type { SelftestReport } from './selftest';

export interface SelftestRequestMap {
  'selftest:run': { technician: string };
}

export interface SelftestResponseMap {
  /** The dated report, and the files written for signature (PDF) and archiving (JSON). */
  'selftest:run': { report: SelftestReport; pdf: string; json: string };
}

export const SELFTEST_CHANNELS: { [C in keyof SelftestRequestMap]: true } = { 'selftest:run': true };
