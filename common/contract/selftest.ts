/** The technician's commissioning self-test screen: run it, get the report and where it was filed. */
import type { SelftestReport } from '../selftest';
import { channel, event } from './spec';

/** The dated report, and the files written for signature (PDF) and archiving (JSON). */
export interface SelftestRun {
  report: SelftestReport;
  pdf: string;
  json: string;
}

/** A run's checks done out of their total: each group once, and each camera (the longest part). */
export interface SelftestProgress {
  done: number;
  total: number;
}

export const selftestChannels = {
  'selftest:run': channel<{ technician: string }, SelftestRun>(),
};

export const selftestEvents = {
  /** While a run is under way, after each check: to the technicians' windows. */
  'selftest:progress': event<SelftestProgress>(),
};
