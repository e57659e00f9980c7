/** One operator session at the post (one per window), and what its rights depend on. */
import crypto from 'node:crypto';
import type { OperatorView } from '../../../common/contract';
import { DEMO_LOGIN } from './accounts';

export type LogoutReason =
  'logout' | 'change' | 'disconnect' | 'expired' | 'unlock_failures' | 'demo_ended' | 'disabled';

export interface Session {
  operator: OperatorView;
  locked: boolean;
  demo: boolean;
  videoToken: string;
  /** Last invoke or activity ping from this client (main's own inactivity lock). */
  lastActivity: number;
  /** When the account's role and validity were last re-read. */
  checkedAt: number;
  /** Failed unlocks since the lock; the session ends at MAX_FAILURES. */
  unlockFailures: number;
}

export const DEMO_OPERATOR: OperatorView = {
  login: DEMO_LOGIN,
  name: 'Compte de démonstration',
  rank: '—',
  service: 'DÉMO',
  badge: '—',
  role: 'supervisor',
  validFrom: '2000-01-01',
  validUntil: '2999-12-31',
  grantedBy: '—',
  failedAttempts: 0,
  lockedUntil: null,
  disabledAt: null,
};

export const newToken = (): string => crypto.randomBytes(24).toString('base64url');
export const isoDay = (t: number): string => new Date(t).toISOString().slice(0, 10);
export const validOn = (op: Pick<OperatorView, 'validFrom' | 'validUntil'>, day: string): boolean =>
  day >= op.validFrom && day <= op.validUntil;

/** What a session's rights depend on; the failure counters change with every attempt. */
export function sameRights(a: OperatorView, b: OperatorView): boolean {
  const keys = ['role', 'validFrom', 'validUntil', 'name', 'rank', 'service'] as const;
  return keys.every((k) => a[k] === b[k]);
}
