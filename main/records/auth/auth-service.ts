/**
 * Who is at the post. One session per window (client); every session change goes to the
 * registry. Main enforces roles on every call: hiding a button is not a control.
 */
import type { OperatorInput, OperatorView, SessionView } from '../../../common/contract';
import { err, ok, type Failure, type Result } from '../../../common/result';
import type { Access } from '../../platform/ipc/module';
import { sameSecret } from '../../platform/secret';
import type { Registry, RegistryActor } from '../registry/registry';
import { DEMO_LOGIN, saveAccount } from './accounts';
import { setAccountDisabled, unlockAccount } from './account-states';
import { checkLogin, type LoginCheckDeps } from './login-check';
import { toOperatorView, type OperatorStore } from './operator-store';
import { MAX_FAILURES, PasswordGate } from './password-gate';
import { can } from './roles';
import {
  actorOf,
  allowed,
  isoDay,
  newToken,
  sameRights,
  seesImages,
  sessionView,
  validOn,
  type LogoutReason,
  type Session,
} from './session';

export { MAX_FAILURES, LOCKOUT_MS } from './password-gate';
export { DEMO_LOGIN } from './accounts';
/** Rights are re-read from the accounts at least this often (and on every unlock). */
export const RECHECK_MS = 60_000;

export interface AuthOptions {
  /** Whether the demo account exists now (demo inventory, and no account or `--demo`). */
  isDemo: () => boolean;
  lockAfterSeconds: number;
  /** Called when a session's video rights end (logout, lock): its viewers are closed. */
  onRevoke: (videoToken: string) => void;
  /** A client's session changed without it asking (locked, demoted, expired, ended). */
  onSessionChange?: (clientId: string, view: SessionView | null) => void;
  /** Clock (tests inject one). */
  now?: () => number;
  recheckMs?: number;
  /** Wall pages (main/wall/wall-displays.ts): clients with no session, holding the wall key. */
  displays?: { has(clientId: string): boolean; forget(clientId: string): void };
}

export class AuthService {
  private readonly sessions = new Map<string, Session>();
  private readonly gate: PasswordGate;
  private readonly logins: LoginCheckDeps;
  private readonly now: () => number;

  constructor(
    private readonly store: OperatorStore,
    private readonly registry: Registry,
    private readonly o: AuthOptions,
  ) {
    this.now = o.now ?? Date.now;
    this.gate = new PasswordGate(store, registry);
    this.logins = { store, registry, gate: this.gate, isDemo: () => o.isDemo() };
  }

  private view(s: Session): SessionView {
    return sessionView(s, this.o.lockAfterSeconds);
  }

  status(clientId: string): SessionView | null {
    const s = this.sessions.get(clientId);
    return s ? this.view(s) : null;
  }

  actor(clientId: string): RegistryActor | null {
    const s = this.sessions.get(clientId);
    return s ? actorOf(s.operator) : null;
  }

  /** Checks a call's right in main. 'public' needs nothing; 'session' any unlocked session. */
  check(clientId: string, need: Access): Failure | null {
    if (need === 'public') return null;
    if (need === 'wall-display')
      return this.o.displays?.has(clientId) ? null : err('forbidden', { reason: 'role' });
    const before = this.sessions.get(clientId);
    if (before && this.now() - before.checkedAt >= (this.o.recheckMs ?? RECHECK_MS)) this.recheck(clientId);
    return allowed(this.sessions.get(clientId), need);
  }

  /**
   * Whether a push may reach a client: one addressed to it, or one whose rule (`need`, from the
   * module that emits it) its rights allow. Wall pages hold no session: services.ts asks the wall.
   */
  mayReceive(clientId: string, need: Access, target: string | null): boolean {
    if (target !== null) return target === clientId;
    return allowed(this.sessions.get(clientId), need) === null;
  }

  /** Any invoke from a client, or its renderer's activity ping: the inactivity clock restarts. */
  touch(clientId: string): void {
    const s = this.sessions.get(clientId);
    if (s && !s.locked) s.lastActivity = this.now();
  }

  /**
   * Main's own watch, run on a timer: a client silent for `lockAfter` seconds is locked (its video
   * token revoked), and every session's rights are re-read at least every `recheckMs`.
   */
  sweep(): void {
    const now = this.now();
    for (const [clientId, s] of [...this.sessions]) {
      if (now - s.checkedAt >= (this.o.recheckMs ?? RECHECK_MS)) this.recheck(clientId);
      const live = this.sessions.get(clientId);
      if (live && !live.locked && now - live.lastActivity >= this.o.lockAfterSeconds * 1000) {
        this.lock(clientId, 'inactivity');
        this.o.onSessionChange?.(clientId, this.status(clientId));
      }
    }
  }

  /** Re-reads the account: an expired or deleted one ends the session, a new role applies at once. */
  private recheck(clientId: string): Failure | null {
    const s = this.sessions.get(clientId);
    if (!s) return err('unauthenticated');
    s.checkedAt = this.now();
    if (s.demo) {
      if (this.o.isDemo()) return null;
      this.endSession(clientId, 'demo_ended');
      return err('unauthenticated');
    }
    const op = this.store.get(s.operator.login);
    if (op?.disabledAt) {
      this.endSession(clientId, 'disabled');
      return err('login_refused', { reason: 'disabled' });
    }
    if (!op || !validOn(op, isoDay(this.now()))) {
      this.endSession(clientId, 'expired');
      return op
        ? err('login_refused', { reason: 'expired', from: op.validFrom, to: op.validUntil })
        : err('unauthenticated');
    }
    const fresh = toOperatorView(op);
    if (sameRights(fresh, s.operator)) return null;
    const lostImages = can(s.operator.role, 'view') && !can(fresh.role, 'view');
    s.operator = fresh;
    if (lostImages) {
      this.o.onRevoke(s.videoToken);
      s.videoToken = newToken();
    }
    this.o.onSessionChange?.(clientId, this.view(s));
    return null;
  }

  /** Ends a session main decided to end, and tells its client. */
  private endSession(clientId: string, reason: LogoutReason): void {
    this.logout(clientId, reason);
    this.o.onSessionChange?.(clientId, null);
  }

  /** Any inventory change ends the demo sessions: the demo never keeps rights over real cameras. */
  endDemoSessions(): void {
    for (const [clientId, s] of [...this.sessions]) if (s.demo) this.endSession(clientId, 'demo_ended');
  }

  /** Re-reads the sessions of one account at once (its role or dates were just changed). */
  recheckLogin(login: string): void {
    for (const [clientId, s] of [...this.sessions]) if (s.operator.login === login) this.recheck(clientId);
  }

  async login(clientId: string, login: string, password: string): Promise<Result<SessionView>> {
    const now = new Date(this.now());
    // Nothing is displayed that is not recorded: no login while the registry cannot write.
    if (!this.registry.canWrite()) return err('registry_unable_to_write', this.registry.unableReason());
    const checked = await checkLogin(this.logins, login, password, now);
    if (!checked.ok) return checked;
    const { operator, demo } = checked.value;
    // Changing operator at the post is one action: the previous operator's sessions close first.
    this.logout(clientId, 'change');
    const s: Session = {
      operator,
      locked: false,
      demo,
      videoToken: newToken(),
      lastActivity: this.now(),
      checkedAt: this.now(),
      unlockFailures: 0,
    };
    this.registry.append({ type: 'auth.login', actor: actorOf(operator), data: { demo } });
    this.sessions.set(clientId, s);
    return ok(this.view(s));
  }

  logout(clientId: string, reason: LogoutReason = 'logout'): void {
    if (reason === 'disconnect') this.o.displays?.forget(clientId);
    const s = this.sessions.get(clientId);
    if (!s) return;
    this.sessions.delete(clientId);
    this.o.onRevoke(s.videoToken);
    this.registry.appendLater({
      type: 'auth.logout',
      actor: actorOf(s.operator),
      data: { reason },
    });
  }

  lock(clientId: string, reason: 'inactivity' | 'manual'): Result<SessionView> {
    const s = this.sessions.get(clientId);
    if (!s) return err('unauthenticated');
    if (!s.locked) {
      s.locked = true;
      s.unlockFailures = 0;
      this.o.onRevoke(s.videoToken);
      s.videoToken = newToken();
      this.registry.appendLater({
        type: 'auth.lock',
        actor: actorOf(s.operator),
        data: { reason },
      });
    }
    return ok(this.view(s));
  }

  async unlock(clientId: string, password: string): Promise<Result<SessionView>> {
    const s = this.sessions.get(clientId);
    if (!s) return err('unauthenticated');
    if (!this.registry.canWrite()) return err('registry_unable_to_write', this.registry.unableReason());
    // Counted before the check, in the session and on the account. The session's own count bounds
    // the guesses, even in parallel: past MAX_FAILURES nothing is checked and the session closes.
    s.unlockFailures++;
    const closeSession = (): Failure => {
      if (this.sessions.get(clientId) === s) this.endSession(clientId, 'unlock_failures');
      return err('login_refused', { reason: 'unlock_failures', failures: MAX_FAILURES });
    };
    if (s.unlockFailures > MAX_FAILURES) return closeSession();
    const op = s.demo ? undefined : this.store.get(s.operator.login);
    if (!s.demo && !op) {
      this.endSession(clientId, 'expired');
      return err('unauthenticated');
    }
    // The holder's check: a block that others' failed logins set on the account does not refuse him.
    const v = op
      ? await this.gate.checkHolder(op, password, new Date(this.now()))
      : ({ ok: password === DEMO_LOGIN } as const);
    if (this.sessions.get(clientId) !== s) return err('unauthenticated');
    if (!v.ok) {
      this.registry.append({
        type: 'auth.unlock_failed',
        actor: actorOf(s.operator),
        data: { failures: s.unlockFailures },
      });
      return s.unlockFailures < MAX_FAILURES ? err('login_refused', { reason: 'password' }) : closeSession();
    }
    s.unlockFailures = 0;
    // Rights are re-read on unlock: an account expired or demoted meanwhile gets what it now has.
    const stale = this.recheck(clientId);
    if (stale) return stale;
    this.registry.append({ type: 'auth.unlock', actor: actorOf(s.operator) });
    s.locked = false;
    s.lastActivity = this.now();
    return ok(this.view(s));
  }

  videoToken(clientId: string): string | null {
    const s = this.sessions.get(clientId);
    return s && seesImages(s) ? s.videoToken : null;
  }

  /** The video socket's check: a live, unlocked session allowed to see images. */
  authorizeVideo(token: string): { clientId: string; actor: RegistryActor } | null {
    for (const [clientId, s] of this.sessions) {
      if (sameSecret(s.videoToken, token) && seesImages(s)) return { clientId, actor: actorOf(s.operator) };
    }
    return null;
  }

  listOperators(): OperatorView[] {
    return this.store.list();
  }

  /** Creates or updates an account; its open sessions get the new rights at once. */
  async saveOperator(input: OperatorInput, by: RegistryActor | null): Promise<Result<OperatorView>> {
    const r = await saveAccount(this.store, this.registry, input, by);
    if (r.ok) this.recheckLogin(r.value.login);
    return r;
  }

  /** Lifts the block that failed logins set on an account. */
  unlockOperator(login: string, by: RegistryActor | null): Promise<Result<OperatorView>> {
    return unlockAccount(this.store, this.registry, login, by, this.now());
  }

  /** Disables an account (its open sessions end at once) or enables it again. */
  async setOperatorDisabled(
    login: string,
    disabled: boolean,
    by: RegistryActor | null,
  ): Promise<Result<OperatorView>> {
    const r = await setAccountDisabled(this.store, this.registry, login, disabled, by, this.now());
    if (r.ok) this.recheckLogin(login);
    return r;
  }
}
