import { useState, type FormEvent } from 'react';
import type { AppError } from '../../../common/result';
import { errorText } from '../../i18n/messages';
import { selectors, useConsole, useT } from '../../console/console-store';
import { Field, Why, WhyButton, useWhyId } from '../../ui/form';

/** Covers the console: the mosaic is unmounted (no image in the window) until an unlock. */
export function LockScreen() {
  const t = useT();
  const session = useConsole((s) => s.session);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<AppError | null>(null);
  const locale = useConsole(selectors.locale);
  const why = useWhyId();
  const onSubmit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setError(await useConsole.getState().unlock(password));
    setPassword('');
  };
  return (
    <div className="login" data-testid="lock-screen">
      <form onSubmit={(e) => void onSubmit(e)} className="login-box" noValidate>
        <h2>{t('lock.title')}</h2>
        <p>
          {session?.name} — {session?.rank}, {session?.service}
        </p>
        <p className="muted">{t('lock.hint')}</p>
        <Field label={t('login.password')} required>
          <input
            data-testid="unlock-password"
            type="password"
            autoComplete="current-password"
            value={password}
            aria-required="true"
            onChange={(e) => setPassword(e.target.value)}
            autoFocus
          />
        </Field>
        {error && (
          <p className="login-error" role="alert" data-testid="login-error">
            {errorText(locale, error)}
          </p>
        )}
        <WhyButton type="submit" className="primary" testid="unlock-submit" off={!password} whyId={why}>
          {t('lock.submit')}
        </WhyButton>
        <Why id={why} reason={!password ? 'lock.passwordWhy' : null} />
        <button type="button" data-testid="lock-logout" onClick={() => void useConsole.getState().logout()}>
          {t('lock.other')}
        </button>
      </form>
    </div>
  );
}
