import { useEffect, useLayoutEffect, useState, type FormEvent } from 'react';
import { formatDate, formatDateTime, isoDay, parseDay } from '../../../common/format';
import { ROLES, type Role } from '../../../common/roles';
import type { MessageKey } from '../../i18n';
import { selectors, useConsole, useT } from '../../console/console-store';
import { DateInput, Field, Options } from '../../ui/form';
import { PanelFrame } from '../shell/PanelFrame';
import { AccountActions } from './AccountActions';
import { accountState } from './account-state';
import { TableHead } from '../../ui/TableHead';

type Text = 'login' | 'name' | 'rank' | 'service' | 'badge';
const REQUIRED: readonly Text[] = ['login', 'name', 'rank', 'service'];

/** A day as main stores it (`2026-07-12`), shown as the console writes dates. */
const day = (iso: string, locale: 'fr' | 'en'): string =>
  formatDate(new Date(`${iso}T12:00:00`).getTime(), { locale });

export function OperatorsPanel() {
  const t = useT();
  const locale = useConsole(selectors.locale);
  const now = useConsole(selectors.now);
  const { loadOperators, saveOperator, resetOperators } = useConsole.getState();
  const list = useConsole((s) => s.operators);
  const today = isoDay(Date.now());
  // The account saved, worded at render: it follows a change of language.
  const [saved, setSaved] = useState<string | null>(null);
  const [gaps, setGaps] = useState<Partial<Record<string, MessageKey>>>({});
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
    const found: Partial<Record<string, MessageKey>> = {};
    for (const k of REQUIRED) if (f[k].trim() === '') found[k] = 'form.missing';
    const from = parseDay(f.validFrom);
    const until = parseDay(f.validUntil);
    if (!from) found.validFrom = 'form.invalidDate';
    if (!until) found.validUntil = 'form.invalidDate';
    setGaps(found);
    if (Object.keys(found).length > 0 || !from || !until) return;
    const { password, ...rest } = f;
    const account = await saveOperator({
      ...rest,
      validFrom: from,
      validUntil: until,
      ...(password && { password }),
    });
    if (account) {
      useConsole.getState().clearErrorIn('operators');
      setSaved(account.login);
      setF({ ...f, login: '', name: '', rank: '', service: '', badge: '', password: '' });
    }
  };
  const change = (k: keyof typeof f, value: string): void => {
    setF({ ...f, [k]: value });
    if (gaps[k]) setGaps({ ...gaps, [k]: undefined });
  };
  const input = (k: Text | 'password', label: string, type = 'text') => (
    <Field label={label} required={REQUIRED.includes(k as Text)} error={gaps[k] ?? null} testid={`op-${k}`}>
      <input
        data-testid={`op-${k}`}
        type={type}
        value={f[k]}
        aria-required={REQUIRED.includes(k as Text) || undefined}
        aria-invalid={gaps[k] ? true : undefined}
        autoComplete={type === 'password' ? 'new-password' : 'off'}
        onChange={(e) => change(k, e.target.value)}
      />
    </Field>
  );
  const date = (k: 'validFrom' | 'validUntil', label: string) => (
    <Field label={label} required error={gaps[k] ?? null} testid={`op-${k}`}>
      <DateInput testid={`op-${k}`} value={f[k]} invalid={!!gaps[k]} onChange={(v) => change(k, v)} />
    </Field>
  );
  return (
    <PanelFrame testid="operators-panel" surface="operators" title={t('accounts.title')}>
      <table data-testid="operators-list">
        <TableHead
          columns={[
            'accounts.login',
            'accounts.name',
            'accounts.rank',
            'accounts.service',
            'accounts.role',
            'accounts.validity',
            'accounts.state',
            'accounts.actions',
          ]}
        />
        <tbody>
          {list.map((o) => {
            const state = accountState(o, now);
            return (
              <tr key={o.login} data-login={o.login} data-state={state}>
                <td>{o.login}</td>
                <td>{o.name}</td>
                <td>{o.rank}</td>
                <td>{o.service}</td>
                <td>{t(`role.${o.role}` as MessageKey)}</td>
                <td>
                  {t('accounts.period', { from: day(o.validFrom, locale), to: day(o.validUntil, locale) })}
                </td>
                <td>
                  <span
                    className={`account-state state-${state}`}
                    data-testid={`account-state-${o.login}`}
                    data-state={state}
                  >
                    {state === 'locked'
                      ? t('accounts.state.locked', {
                          until: formatDateTime(Date.parse(o.lockedUntil!), { locale, seconds: false }),
                          failures: o.failedAttempts,
                        })
                      : state === 'disabled'
                        ? t('accounts.state.disabled', {
                            at: formatDateTime(Date.parse(o.disabledAt!), { locale, seconds: false }),
                          })
                        : t(`accounts.state.${state}`)}
                  </span>
                </td>
                <td>
                  <AccountActions operator={o} state={state} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <form className="filters" noValidate onSubmit={(e) => void submit(e)}>
        {input('login', t('accounts.login'))}
        {input('name', t('accounts.name'))}
        {input('rank', t('accounts.rank'))}
        {input('service', t('accounts.service'))}
        {input('badge', t('accounts.badge'))}
        <Field label={t('accounts.role')} required>
          <select
            data-testid="op-role"
            value={f.role}
            onChange={(e) => setF({ ...f, role: e.target.value as Role })}
          >
            <Options values={ROLES} prefix="role" />
          </select>
        </Field>
        {date('validFrom', t('accounts.from'))}
        {date('validUntil', t('accounts.until'))}
        {input('password', t('accounts.password'), 'password')}
        <button type="submit" className="primary" data-testid="op-submit">
          {t('accounts.add')}
        </button>
      </form>
      {saved && (
        <p className="notice" role="status" data-testid="operators-message">
          {t('accounts.saved', { login: saved })}
        </p>
      )}
    </PanelFrame>
  );
}
