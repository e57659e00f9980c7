/**
 * What the head of service does to one account from its row in **Comptes**: lift a block set by
 * failed logins, disable the account, enable it again. Each asks for confirmation first; main
 * records it in the registry and refuses disabling one's own account.
 */
import type { OperatorView } from '../../../common/contract';
import type { MessageKey } from '../../i18n';
import { useConsole, useT } from '../../console/console-store';
import type { AccountState } from './account-state';

type Action = 'unlock' | 'disable' | 'enable';

async function confirmThen(action: Action, o: OperatorView): Promise<void> {
  const params = { login: o.login, name: o.name };
  const yes = await useConsole.getState().askConfirm({
    title: { key: `accounts.${action}.title` as MessageKey, params },
    body: { key: `accounts.${action}.body` as MessageKey, params },
    ok: `accounts.${action}` as MessageKey,
  });
  if (!yes) return;
  const s = useConsole.getState();
  const done =
    action === 'unlock'
      ? await s.unlockOperator(o.login)
      : await s.setOperatorDisabled(o.login, action === 'disable');
  if (done) {
    s.clearErrorIn('operators');
    s.setNotice({ key: `accounts.${action}.done` as MessageKey, params });
  }
}

export function AccountActions({ operator: o, state }: { operator: OperatorView; state: AccountState }) {
  const t = useT();
  const self = useConsole((s) => s.session?.login === o.login);
  const button = (action: Action, className?: string) => (
    <button
      type="button"
      className={className}
      data-testid={`account-${action}-${o.login}`}
      aria-label={t(`accounts.${action}.label` as MessageKey, { login: o.login })}
      onClick={() => void confirmThen(action, o)}
    >
      {t(`accounts.${action}` as MessageKey)}
    </button>
  );
  return (
    <span className="account-actions">
      {state === 'locked' && button('unlock')}
      {state === 'disabled' ? button('enable') : !self && button('disable', 'danger')}
    </span>
  );
}
