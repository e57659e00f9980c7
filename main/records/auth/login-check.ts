/**
 * A login's credential check: the demo account, an unknown login, the password gate, a disabled
 * or expired account. The registry keeps the exact cause of a refusal; the operator is told only
 * what he may know.
 */
import type { OperatorView } from '../../../common/contract';
import { err, ok, type ErrorParams, type Failure, type Result } from '../../../common/result';
import type { Registry } from '../registry/registry';
import { DEMO_LOGIN } from './accounts';
import { toOperatorView, type Operator, type OperatorStore } from './operator-store';
import { MAX_FAILURES, type PasswordGate } from './password-gate';
import { hashPassword } from './passwords';
import { actorOf, DEMO_OPERATOR, isoDay, validOn } from './session';

export interface LoginCheckDeps {
  store: OperatorStore;
  registry: Registry;
  gate: PasswordGate;
  /** Whether the demo account exists now. */
  isDemo: () => boolean;
}

/** The operator a login opens a session for (`demo`: the demo account), or its refusal. */
export async function checkLogin(
  d: LoginCheckDeps,
  login: string,
  password: string,
  now: Date,
): Promise<Result<{ operator: OperatorView; demo: boolean }>> {
  const denied = (cause: string, params: ErrorParams, op?: Operator): Failure => {
    d.registry.append({
      type: 'auth.login_failed',
      actor: op ? actorOf(op) : { login, name: '', rank: '', service: '' },
      data: { reason: cause },
    });
    return err('login_refused', params);
  };
  const badCredentials = { reason: 'credentials' };
  if (login === DEMO_LOGIN && d.isDemo()) {
    // The demo account exists only on a post never set up (or a showroom's `--demo`).
    if (password !== DEMO_LOGIN) return denied('bad_password', badCredentials);
    return ok({ operator: DEMO_OPERATOR, demo: true });
  }
  const op = d.store.get(login);
  if (!op) {
    await hashPassword(password); // same cost whether or not the login exists
    return denied('unknown', badCredentials);
  }
  const v = await d.gate.check(op, password, now);
  if (!v.ok && v.blockedUntil) {
    const until = v.blockedUntil;
    return denied(v.cause, { reason: 'locked_out', failures: MAX_FAILURES, until }, op);
  }
  if (!v.ok) return denied(v.cause, badCredentials, op);
  // Told only to whoever knows the password, as an expired authorisation is.
  if (op.disabledAt) return denied('disabled', { reason: 'disabled' }, op);
  if (!validOn(op, isoDay(now.getTime()))) {
    return denied('expired', { reason: 'expired', from: op.validFrom, to: op.validUntil }, op);
  }
  return ok({ operator: toOperatorView({ ...op, failedAttempts: 0, lockedUntil: null }), demo: false });
}
