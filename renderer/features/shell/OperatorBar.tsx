import { useConsole, useT } from '../../console/console-store';
import type { MessageKey } from '../../i18n';

/** Who is at the post, and the two ways to leave it: lock (same operator comes back) or change operator. */
export function OperatorBar() {
  const t = useT();
  const session = useConsole((s) => s.session);
  const { lock, logout } = useConsole.getState();
  if (!session) return null;
  const who = `${session.rank} ${session.name}`;
  const role = t(`role.${session.role}` as MessageKey);
  return (
    <span className="operator" data-testid="operator-bar" data-role={session.role}>
      <span className="operator-who" title={`${who} — ${session.service} (${role})`}>
        <span data-testid="operator-name">{session.name}</span>
        <span className="muted"> · {role}</span>
      </span>
      <button type="button" data-testid="lock-button" onClick={() => void lock('manual')}>
        {t('shell.lock')}
      </button>
      <button type="button" data-testid="logout-button" onClick={() => void logout()}>
        {t('shell.logout')}
      </button>
    </span>
  );
}
