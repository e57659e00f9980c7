import { useConsole, useT } from '../../console/console-store';
import type { MessageKey } from '../../i18n';

export function OperatorBar() {
  const t = useT();
  const session = useConsole((s) => s.session);
  const { setPanel, lock, logout } = useConsole.getState();
  if (!session) return null;
  return (
    <span className="operator" data-testid="operator-bar" data-role={session.role}>
      <span data-testid="operator-name">{session.name}</span>
      <span className="muted">
        {' '}
        — {session.rank}, {session.service} ({t(`role.${session.role}` as MessageKey)})
      </span>
      {session.permissions.includes('registry') && (
        <button data-testid="registry-button" onClick={() => setPanel('registry')}>
          {t('shell.registry')}
        </button>
      )}
      {session.permissions.includes('operators') && (
        <button data-testid="operators-button" onClick={() => setPanel('operators')}>
          {t('shell.operators')}
        </button>
      )}
      {session.permissions.includes('settings') && (
        <button data-testid="input-settings-button" onClick={() => setPanel('input-settings')}>
          {t('input.button')}
        </button>
      )}
      {session.permissions.includes('settings') && (
        <button data-testid="selftest-button" onClick={() => setPanel('selftest')}>
          {t('selftest.button')}
        </button>
      )}
      <button data-testid="lock-button" onClick={() => void lock('manual')}>
        {t('shell.lock')}
      </button>
      <button data-testid="logout-button" onClick={() => void logout()}>
        {t('shell.logout')}
      </button>
    </span>
  );
}
