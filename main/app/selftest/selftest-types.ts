/** The self-test's shapes live in common/ (the technician's screen shows them); main adds the tally. */
import type { CheckResult, SelftestReport } from '../../../common/selftest';

export { CHECK_GROUPS } from '../../../common/selftest';
export type {
  CheckGroup,
  CheckResult,
  CheckStatus,
  SelftestCode,
  SelftestReport,
} from '../../../common/selftest';

export const summarise = (results: CheckResult[]): SelftestReport['summary'] => ({
  pass: results.filter((r) => r.status === 'pass').length,
  warn: results.filter((r) => r.status === 'warn').length,
  fail: results.filter((r) => r.status === 'fail').length,
});
