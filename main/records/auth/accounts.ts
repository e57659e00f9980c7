/** Account creation and update (console **Comptes** and the install CLI), traced in the registry. */
import type { OperatorInput, OperatorView } from '../../../common/contract';
import { err, ok, type Result } from '../../../common/result';
import { firstTextProblem } from '../../../common/text';
import { isoDate } from '../../platform/ipc/shapes';
import type { Registry, RegistryActor } from '../registry/registry';
import { toOperatorView, type Operator, type OperatorStore } from './operator-store';
import { hashPassword, PASSWORD_MIN_LENGTH } from './passwords';
import { ROLES } from './roles';

export const DEMO_LOGIN = 'demo';

/** Creates or updates an account; `by` is the head of service granting it (null: install CLI). */
export async function saveAccount(
  store: OperatorStore,
  registry: Registry,
  input: OperatorInput,
  by: RegistryActor | null,
): Promise<Result<OperatorView>> {
  if (!/^[a-z0-9._-]{2,40}$/i.test(input.login) || input.login === DEMO_LOGIN) return err('invalid_login');
  if (!(ROLES as readonly string[]).includes(input.role)) return err('invalid_role');
  // The console's payloads were checked at the boundary; the install CLI's arguments are checked here.
  const { name, rank, service, badge } = input;
  const text = firstTextProblem({ name, rank, service, badge });
  if (text) return err('text_invalid', { field: text.field, reason: text.reason });
  // The same date rule as the console's door (a day that exists), for the install CLI's arguments.
  if (
    !isoDate.safeParse(input.validFrom).success ||
    !isoDate.safeParse(input.validUntil).success ||
    input.validUntil < input.validFrom
  ) {
    return err('invalid_validity');
  }
  const existing = store.get(input.login);
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
    // Changing an account's identity or rights does not enable it again: that is its own action.
    disabledAt: existing?.disabledAt ?? null,
  };
  if (!op.name || !op.rank || !op.service) return err('missing_field');
  await store.upsert(op);
  const { passwordHash: _p, ...trace } = op;
  registry.append({
    type: existing ? 'operator.update' : 'operator.create',
    actor: by,
    data: { operator: trace },
  });
  return ok(toOperatorView(op));
}
