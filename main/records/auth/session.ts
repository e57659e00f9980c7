/** One operator session at the post (one per window), and what its rights depend on. */
import crypto from 'node:crypto';
import type { OperatorView, SessionView } from '../../../common/contract';
import { err, type Failure } from '../../../common/result';
import type { Access } from '../../platform/ipc/module';
import type { RegistryActor } from '../registry/registry';
import { DEMO_LOGIN } from './accounts';
import { can, permissionsOf } from './roles';

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

/** Who the registry names for an operator. */
export const actorOf = (o: Pick<OperatorView, 'login' | 'name' | 'rank' | 'service'>): RegistryActor => ({
  login: o.login,
  name: o.name,
  rank: o.rank,
  service: o.service,
});

/** What a client is told of its session. */
export function sessionView(s: Session, lockAfterSeconds: number): SessionView {
  const { login, name, rank, service, role } = s.operator;
  return {
    login,
    name,
    rank,
    service,
    role,
    locked: s.locked,
    demo: s.demo,
    permissions: permissionsOf(role),
    lockAfterSeconds,
  };
}

/** Whether a session's rights allow a call (null), or the refusal. Wall pages hold no session. */
export function allowed(s: Session | undefined, need: Access): Failure | null {
  if (need === 'public') return null;
  if (!s) return err('unauthenticated');
  if (need === 'locked-ok') return null;
  if (s.locked) return err('locked');
  if (need === 'session') return null;
  if (need !== 'wall-display' && can(s.operator.role, need)) return null;
  return err('forbidden', { reason: 'role' });
}

/** A live, unlocked session allowed to see images: only it holds a usable video token. */
export const seesImages = (s: Session): boolean => !s.locked && can(s.operator.role, 'view');
