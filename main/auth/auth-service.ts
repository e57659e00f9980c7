/**
 * Who is at the post. One session per window (client); every session change goes to the
 * registry. Main enforces roles on every call: hiding a button is not a control.
 */
import crypto from 'node:crypto';
import type { OperatorInput, OperatorView, SessionView } from '../../common/contract';
import type { Failure } from '../../common/result';
import { err, ok, type ErrorParams, type Result } from '../../common/result';
import type { Registry, RegistryActor } from '../registry/registry';
import { hashPassword, verifyPassword, PASSWORD_MIN_LENGTH } from './passwords';
import { toOperatorView, type Operator, type OperatorStore } from './operator-store';
import { can, permissionsOf, ROLES } from './roles';
import type { Access } from './channel-access';

export const MAX_FAILURES = 5;
export const LOCKOUT_MS = 15 * 60_000;
export const DEMO_LOGIN = 'demo';

interface Session {
  operator: OperatorView;
  locked: boolean;
  demo: boolean;
  videoToken: string;
}

const DEMO_OPERATOR: OperatorView = {
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
};

export interface AuthOptions {
  isDemo: () => boolean;
  lockAfterSeconds: number;
  /** Called when a session's video rights end (logout, lock): its viewers are closed. */
  onRevoke: (videoToken: string) => void;
}

export class AuthService {
  private readonly sessions = new Map<string, Session>();

  constructor(
    private readonly store: OperatorStore,
    private readonly registry: Registry,
    private readonly o: AuthOptions,
  ) {}

  private view(s: Session): SessionView {
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
      lockAfterSeconds: this.o.lockAfterSeconds,
    };
  }

  static actorOf(o: Pick<OperatorView, 'login' | 'name' | 'rank' | 'service'>): RegistryActor {
    return { login: o.login, name: o.name, rank: o.rank, service: o.service };
  }

  status(clientId: string): SessionView | null {
    const s = this.sessions.get(clientId);
    return s ? this.view(s) : null;
  }

  actor(clientId: string): RegistryActor | null {
    const s = this.sessions.get(clientId);
    return s ? AuthService.actorOf(s.operator) : null;
  }

  /** Checks a call's right in main. 'public' needs nothing; 'session' any unlocked session. */
  check(clientId: string, need: Access): Failure | null {
    if (need === 'public') return null;
    const s = this.sessions.get(clientId);
    if (!s) return err('unauthenticated');
    if (need === 'locked-ok') return null;
    if (s.locked) return err('locked');
    if (need === 'session' || can(s.operator.role, need)) return null;
    return err('forbidden', { reason: 'role' });
  }

  async login(clientId: string, login: string, password: string): Promise<Result<SessionView>> {
    const now = new Date();
    // The registry keeps the exact cause; the operator is told only what he may know.
    const denied = (cause: string, params: ErrorParams, op?: Operator): Failure => {
      this.registry.append({
        type: 'auth.login_failed',
        actor: op ? AuthService.actorOf(op) : { login, name: '', rank: '', service: '' },
        data: { reason: cause },
      });
      return err('login_refused', params);
    };
    const badCredentials = { reason: 'credentials' };
    let operator: OperatorView;
    let demo = false;
    if (login === DEMO_LOGIN && this.o.isDemo()) {
      // The demo account exists only while the demo inventory is in force.
      if (password !== DEMO_LOGIN) return denied('bad_password', badCredentials);
      operator = DEMO_OPERATOR;
      demo = true;
    } else {
      const op = this.store.get(login);
      if (!op) {
        await hashPassword(password); // same cost whether or not the login exists
        return denied('unknown', badCredentials);
      }
      if (op.lockedUntil && new Date(op.lockedUntil) > now) {
        const until = op.lockedUntil;
        return denied('locked_out', { reason: 'locked_out', failures: MAX_FAILURES, until }, op);
      }
      if (!(await verifyPassword(password, op.passwordHash))) {
        const attempts = op.failedAttempts + 1;
        const lockedUntil =
          attempts >= MAX_FAILURES ? new Date(now.getTime() + LOCKOUT_MS).toISOString() : null;
        this.store.recordFailure(login, lockedUntil ? 0 : attempts, lockedUntil);
        if (lockedUntil)
          this.registry.append({
            type: 'auth.locked_out',
            actor: AuthService.actorOf(op),
            data: { until: lockedUntil },
          });
        return denied(
          'bad_password',
          lockedUntil ? { reason: 'locked_out', failures: MAX_FAILURES, until: lockedUntil } : badCredentials,
          op,
        );
      }
      const today = now.toISOString().slice(0, 10);
      if (today < op.validFrom || today > op.validUntil) {
        return denied('expired', { reason: 'expired', from: op.validFrom, to: op.validUntil }, op);
      }
      this.store.recordFailure(login, 0, null);
      operator = toOperatorView(op);
    }
    // Changing operator at the post is one action: the previous operator's sessions close first.
    this.logout(clientId, 'change');
    const s: Session = {
      operator,
      locked: false,
      demo,
      videoToken: crypto.randomBytes(24).toString('base64url'),
    };
    this.sessions.set(clientId, s);
    this.registry.append({ type: 'auth.login', actor: AuthService.actorOf(operator), data: { demo } });
    return ok(this.view(s));
  }

  logout(clientId: string, reason: 'logout' | 'change' | 'disconnect' = 'logout'): void {
    const s = this.sessions.get(clientId);
    if (!s) return;
    this.sessions.delete(clientId);
    this.o.onRevoke(s.videoToken);
    this.registry.append({ type: 'auth.logout', actor: AuthService.actorOf(s.operator), data: { reason } });
  }

  lock(clientId: string, reason: 'inactivity' | 'manual'): Result<SessionView> {
    const s = this.sessions.get(clientId);
    if (!s) return err('unauthenticated');
    if (!s.locked) {
      s.locked = true;
      this.o.onRevoke(s.videoToken);
      s.videoToken = crypto.randomBytes(24).toString('base64url');
      this.registry.append({ type: 'auth.lock', actor: AuthService.actorOf(s.operator), data: { reason } });
    }
    return ok(this.view(s));
  }

  async unlock(clientId: string, password: string): Promise<Result<SessionView>> {
    const s = this.sessions.get(clientId);
    if (!s) return err('unauthenticated');
    const good = s.demo
      ? password === DEMO_LOGIN
      : await verifyPassword(password, this.store.get(s.operator.login)?.passwordHash ?? '');
    if (!good) {
      this.registry.append({ type: 'auth.unlock_failed', actor: AuthService.actorOf(s.operator) });
      return err('login_refused', { reason: 'password' });
    }
    s.locked = false;
    this.registry.append({ type: 'auth.unlock', actor: AuthService.actorOf(s.operator) });
    return ok(this.view(s));
  }

  videoToken(clientId: string): string | null {
    const s = this.sessions.get(clientId);
    return s && !s.locked && can(s.operator.role, 'view') ? s.videoToken : null;
  }

  /** The video socket's check: a live, unlocked session allowed to see images. */
  authorizeVideo(token: string): { clientId: string; actor: RegistryActor } | null {
    for (const [clientId, s] of this.sessions) {
      const a = Buffer.from(s.videoToken);
      const b = Buffer.from(token);
      if (
        a.length === b.length &&
        crypto.timingSafeEqual(a, b) &&
        !s.locked &&
        can(s.operator.role, 'view')
      ) {
        return { clientId, actor: AuthService.actorOf(s.operator) };
      }
    }
    return null;
  }

  listOperators(): OperatorView[] {
    return this.store.list();
  }

  /** Creates or updates an account; `by` is the head of service granting it (null: install CLI). */
  async saveOperator(input: OperatorInput, by: RegistryActor | null): Promise<Result<OperatorView>> {
    if (!/^[a-z0-9._-]{2,40}$/i.test(input.login) || input.login === DEMO_LOGIN) return err('invalid_login');
    if (!(ROLES as readonly string[]).includes(input.role)) return err('invalid_role');
    if (
      !/^\d{4}-\d{2}-\d{2}$/.test(input.validFrom) ||
      !/^\d{4}-\d{2}-\d{2}$/.test(input.validUntil) ||
      input.validUntil < input.validFrom
    ) {
      return err('invalid_validity');
    }
    const existing = this.store.get(input.login);
    if (!existing && !input.password) return err('password_required');
    if (input.password !== undefined && input.password.length < PASSWORD_MIN_LENGTH) {
      return err('weak_password', { min: PASSWORD_MIN_LENGTH });
    }
    const op: Operator = {
      login: input.login,
      name: input.name.trim(),
      rank: input.rank.trim(),
      service: input.service.trim(),
      badge: input.badge.trim(),
      role: input.role,
      validFrom: input.validFrom,
      validUntil: input.validUntil,
      grantedBy: by?.login ?? 'installation',
      passwordHash: input.password ? await hashPassword(input.password) : existing!.passwordHash,
      failedAttempts: 0,
      lockedUntil: null,
    };
    if (!op.name || !op.rank || !op.service) return err('missing_field');
    this.store.upsert(op);
    const { passwordHash: _p, ...trace } = op;
    this.registry.append({
      type: existing ? 'operator.update' : 'operator.create',
      actor: by,
      data: { operator: trace },
    });
    return ok(toOperatorView(op));
  }
}
