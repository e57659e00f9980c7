/** The commissioning self-test's shapes: one result per check, codes not sentences. */
export const CHECK_GROUPS = [
  'displays',
  'inputs',
  'cameras',
  'ptz',
  'registry',
  'clock',
  'wall',
  'csu',
] as const;
export type CheckGroup = (typeof CHECK_GROUPS)[number];

export type CheckStatus = 'pass' | 'warn' | 'fail';

export interface CheckResult {
  group: CheckGroup;
  /** What was checked: a camera number, a device, a server. */
  subject: string;
  status: CheckStatus;
  /** `selftest.<code>` names the sentence (fr/en catalogues, French labels for the CLI and PDF). */
  code: string;
  params?: Record<string, string | number>;
}

export interface SelftestReport {
  version: 1;
  at: string;
  post: string;
  technician: string;
  app: { version: string; host: 'electron' | 'browser' | 'cli' };
  results: CheckResult[];
  summary: { pass: number; warn: number; fail: number };
}

export const summarise = (results: CheckResult[]): SelftestReport['summary'] => ({
  pass: results.filter((r) => r.status === 'pass').length,
  warn: results.filter((r) => r.status === 'warn').length,
  fail: results.filter((r) => r.status === 'fail').length,
});
