/** Clock: offset against the configured NTP server; over 1 s is a warning (registry times). */
import { parseServer, querySntp } from './sntp';
import type { CheckResult } from './selftest-types';

export const MAX_DRIFT_MS = 1000;

export async function checkClock(server: string | undefined, timeoutMs = 2000): Promise<CheckResult> {
  if (!server) return { group: 'clock', subject: '-', status: 'warn', code: 'clock_not_configured' };
  const target = parseServer(server);
  if (!target) return { group: 'clock', subject: server, status: 'fail', code: 'clock_bad_server' };
  const r = await querySntp(target.host, target.port, timeoutMs);
  if (!r.ok) return { group: 'clock', subject: server, status: 'fail', code: `clock_${r.code}` };
  const offset = Math.round(r.offsetMs);
  return {
    group: 'clock',
    subject: server,
    status: Math.abs(offset) > MAX_DRIFT_MS ? 'warn' : 'pass',
    code: Math.abs(offset) > MAX_DRIFT_MS ? 'clock_drift' : 'clock_ok',
    params: { offsetMs: offset, stratum: r.stratum },
  };
}
