/**
 * The self-test in French: the CLI and the signed PDF report are French documents. The sentences
 * come from common/labels/fr.ts, which the console's French catalogue shares.
 */
import { formatNumber } from '../../../common/format';
import { fill } from '../../../common/labels/fill';
import { SELFTEST_CODES_FR, SELFTEST_GROUPS_FR } from '../../../common/labels/fr';
import { CHECK_GROUPS } from '../../../common/selftest';
import type { CheckGroup, CheckResult, CheckStatus } from './selftest-types';

export const GROUP_FR = Object.fromEntries(
  CHECK_GROUPS.map((g) => [g, SELFTEST_GROUPS_FR[`selftest.group.${g}`]]),
) as Record<CheckGroup, string>;

export const STATUS_FR: Record<CheckStatus, string> = { pass: 'OK', warn: 'ATTENTION', fail: 'ÉCHEC' };

/** Identifiers print as they are; measured figures in French (decimal comma, grouped thousands). */
const IDENTIFIERS = new Set(['seq']);
/** Groups whose subject is a camera's number: printed beside its name. */
const CAMERA_GROUPS = new Set<CheckGroup>(['cameras', 'ptz']);

const param = (r: CheckResult, k: string): string => {
  if (k === 'subject') return r.subject;
  const v = r.params?.[k];
  if (typeof v === 'number') return IDENTIFIERS.has(k) ? String(v) : formatNumber(v);
  if (k === 'name' && v !== undefined && CAMERA_GROUPS.has(r.group) && /^\d+$/.test(r.subject))
    return `n° ${r.subject} — ${v}`;
  return String(v ?? '');
};

export function resultFr(r: CheckResult): string {
  const key = `selftest.code.${r.code}` as const;
  return Object.hasOwn(SELFTEST_CODES_FR, key) ? fill(SELFTEST_CODES_FR[key], (k) => param(r, k)) : r.code;
}
