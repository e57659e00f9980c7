/**
 * Every password check of a login or an unlock goes through here. The attempt is counted in SQL
 * before the check (parallel attempts cannot read the same count), only one check per login is in
 * flight at a time, and the account is blocked once the count reaches MAX_FAILURES.
 */
import type { Registry } from '../registry/registry';
import type { Operator, OperatorStore } from './operator-store';
import { verifyPassword } from './passwords';

export const MAX_FAILURES = 5;
export const LOCKOUT_MS = 15 * 60_000;

export type Verdict =
  | { ok: true }
  | { ok: false; cause: 'bad_password' | 'concurrent'; blockedUntil: string | null }
  | { ok: false; cause: 'locked_out'; blockedUntil: string };

export class PasswordGate {
  /** Logins with a password check under way. */
  private readonly inFlight = new Set<string>();

  constructor(
    private readonly store: OperatorStore,
    private readonly registry: Registry,
  ) {}

  async check(op: Operator, password: string, now: Date): Promise<Verdict> {
    const nowIso = now.toISOString();
    const current = this.store.get(op.login)?.lockedUntil ?? null;
    if (current && current > nowIso) return { ok: false, cause: 'locked_out', blockedUntil: current };
    // Counted first: an attempt is a failure until its password proves right.
    await this.store.countAttempt(op.login, nowIso);
    if (this.inFlight.has(op.login))
      return { ok: false, cause: 'concurrent', blockedUntil: await this.block(op, now) };
    this.inFlight.add(op.login);
    let good: boolean;
    try {
      good = await verifyPassword(password, op.passwordHash);
    } finally {
      this.inFlight.delete(op.login);
    }
    if (!good) return { ok: false, cause: 'bad_password', blockedUntil: await this.block(op, now) };
    await this.store.clearFailures(op.login);
    return { ok: true };
  }

  /**
   * The operator of a locked session proves it is still him. His session bounds his guesses
   * (AuthService.unlock: it closes after MAX_FAILURES), so a block that others' failed logins set
   * on his account, or their logins in flight, never refuse his right password. A failure counts
   * on the account like any other; a success clears the count only when no block is in force, so
   * it never lifts a block for whoever set it.
   */
  async checkHolder(op: Operator, password: string, now: Date): Promise<Verdict> {
    await this.store.countAttempt(op.login, now.toISOString());
    if (!(await verifyPassword(password, op.passwordHash)))
      return { ok: false, cause: 'bad_password', blockedUntil: await this.block(op, now) };
    const blocked = this.store.get(op.login)?.lockedUntil ?? null;
    if (!blocked || blocked <= now.toISOString()) await this.store.clearFailures(op.login);
    return { ok: true };
  }

  /** Blocks the account if its count reached the limit; returns the end of a block it just set. */
  private async block(op: Operator, now: Date): Promise<string | null> {
    const until = await this.store.blockIfOver(
      op.login,
      MAX_FAILURES,
      new Date(now.getTime() + LOCKOUT_MS).toISOString(),
    );
    if (until)
      this.registry.append({
        type: 'auth.locked_out',
        actor: { login: op.login, name: op.name, rank: op.rank, service: op.service },
        data: { until },
      });
    return until;
  }
}
