/**
 * What the head of service does to an account besides saving it (console **Comptes**): lift a block
 * that failed logins set, disable it, enable it again. Each change is recorded in the registry, with
 * the account's state before; a refusal changes nothing.
 */
import type { OperatorView } from '../../../common/contract';
import { err, ok, type Result } from '../../../common/result';
import type { Registry, RegistryActor } from '../registry/registry';
import { toOperatorView, type OperatorStore } from './operator-store';

/** Lifts the block failed logins set on `login`; refused when no block is in force at `now`. */
export async function unlockAccount(
  store: OperatorStore,
  registry: Registry,
  login: string,
  by: RegistryActor | null,
  now: number,
): Promise<Result<OperatorView>> {
  const op = store.get(login);
  if (!op) return err('account_unknown');
  if (!op.lockedUntil || Date.parse(op.lockedUntil) <= now) return err('account_not_locked');
  await store.clearFailures(login);
  registry.append({
    type: 'operator.unlock',
    actor: by,
    data: { login, failures: op.failedAttempts, lockedUntil: op.lockedUntil },
  });
  return ok(toOperatorView(store.get(login)!));
}

/**
 * Disables `login` (no login from then on; the caller ends its sessions) or enables it again.
 * Nobody disables his own account; asking for the state it already has changes nothing.
 */
export async function setAccountDisabled(
  store: OperatorStore,
  registry: Registry,
  login: string,
  disabled: boolean,
  by: RegistryActor | null,
  now: number,
): Promise<Result<OperatorView>> {
  const op = store.get(login);
  if (!op) return err('account_unknown');
  if (disabled && by?.login === login) return err('account_self');
  if (disabled === (op.disabledAt !== null)) return ok(toOperatorView(op));
  const at = disabled ? new Date(now).toISOString() : null;
  await store.setDisabled(login, at);
  registry.append({
    type: disabled ? 'operator.disable' : 'operator.enable',
    actor: by,
    data: disabled ? { login } : { login, disabledAt: op.disabledAt },
  });
  return ok(toOperatorView(store.get(login)!));
}
