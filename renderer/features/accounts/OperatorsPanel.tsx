import { useEffect, useLayoutEffect, useState, type FormEvent } from 'react';
import { ROLES, type Role } from '../../../common/roles';
import type { MessageKey } from '../../i18n';
import { useConsole, useT } from '../../console/console-store';
import { PanelFrame } from '../shell/PanelFrame';

export function OperatorsPanel() {
  const t = useT();
  const { loadOperators, saveOperator, resetOperators } = useConsole.getState();
  const list = useConsole((s) => s.operators);
  const today = new Date().toISOString().slice(0, 10);
  const [msg, setMsg] = useState<string | null>(null);
  const [f, setF] = useState({
    login: '',
    name: '',
    rank: '',
    service: '',
    badge: '',
    role: 'viewer' as Role,
    validFrom: today,
    validUntil: `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`,
    password: '',
  });
  // The panel opens empty (before the first paint), then reads the accounts afresh.
  useLayoutEffect(resetOperators, [resetOperators]);
  useEffect(() => {
    void loadOperators();
  }, [loadOperators]);
  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    const { password, ...rest } = f;
    const saved = await saveOperator({ ...rest, ...(password && { password }) });
    if (saved) {
      setMsg(t('accounts.saved', { login: saved.login }));
      setF({ ...f, login: '', name: '', rank: '', service: '', badge: '', password: '' });
    }
  };
  const input = (
    k: 'login' | 'name' | 'rank' | 'service' | 'badge' | 'validFrom' | 'validUntil' | 'password',
    label: string,
    type = 'text',
  ) => (
    <label>
      {label}
      <input
        data-testid={`op-${k}`}
        type={type}
        value={f[k]}
        onChange={(e) => setF({ ...f, [k]: e.target.value })}
      />
    </label>
  );
  return (
    <PanelFrame testid="operators-panel" title={t('accounts.title')}>
      <table data-testid="operators-list">
        <tbody>
          {list.map((o) => (
            <tr key={o.login} data-login={o.login}>
              <td>{o.login}</td>
              <td>{o.name}</td>
              <td>{o.rank}</td>
              <td>{o.service}</td>
              <td>{t(`role.${o.role}` as MessageKey)}</td>
              <td>
                {o.validFrom} → {o.validUntil}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form className="filters" onSubmit={(e) => void submit(e)}>
        {input('login', t('accounts.login'))}
        {input('name', t('accounts.name'))}
        {input('rank', t('accounts.rank'))}
        {input('service', t('accounts.service'))}
        {input('badge', t('accounts.badge'))}
        <label>
          {t('accounts.role')}
          <select
            data-testid="op-role"
            value={f.role}
            onChange={(e) => setF({ ...f, role: e.target.value as Role })}
          >
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`role.${r}` as MessageKey)}
              </option>
            ))}
          </select>
        </label>
        {input('validFrom', t('accounts.from'), 'date')}
        {input('validUntil', t('accounts.until'), 'date')}
        {input('password', t('accounts.password'), 'password')}
        <button type="submit" data-testid="op-submit">
          {t('accounts.add')}
        </button>
      </form>
      {msg && (
        <p className="notice" data-testid="operators-message">
          {msg}
        </p>
      )}
    </PanelFrame>
  );
}
