import { useState, type FormEvent } from 'react';
import type { AppError } from '../../../common/result';
import { errorText } from '../../i18n/messages';
import { selectors, useConsole, useT } from '../../console/console-store';
import { Field, Why, WhyButton, useWhyId } from '../../ui/form';

export function LoginScreen() {
  const t = useT();
  const demoAvailable = useConsole((s) => s.demoAvailable);
  const [user, setUser] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<AppError | null>(null);
  const locale = useConsole(selectors.locale);
  const [busy, setBusy] = useState(false);
  const [gaps, setGaps] = useState({ user: false, password: false });
  const why = useWhyId();

  const submit = async (u: string, p: string): Promise<void> => {
    setBusy(true);
    setError(null);
    setError(await useConsole.getState().login(u, p));
    setBusy(false);
    setPassword('');
  };
  const onSubmit = (e: FormEvent): void => {
    e.preventDefault();
    const missing = { user: user.trim() === '', password: password === '' };
    setGaps(missing);
    if (!missing.user && !missing.password) void submit(user, password);
  };

  return (
    <div className="login" data-testid="login-screen">
      <form onSubmit={onSubmit} className="login-box" noValidate>
        <h1>{t('app.title')}</h1>
        <h2>{t('login.title')}</h2>
        <Field label={t('login.user')} required error={gaps.user ? 'form.missing' : null} testid="login-user">
          <input
            data-testid="login-user"
            autoComplete="username"
            value={user}
            aria-required="true"
            aria-invalid={gaps.user || undefined}
            onChange={(e) => {
              setUser(e.target.value);
              setGaps({ ...gaps, user: false });
            }}
            autoFocus
          />
        </Field>
        <Field
          label={t('login.password')}
          required
          error={gaps.password ? 'form.missing' : null}
          testid="login-password"
        >
          <input
            data-testid="login-password"
            type="password"
            autoComplete="current-password"
            value={password}
            aria-required="true"
            aria-invalid={gaps.password || undefined}
            onChange={(e) => {
              setPassword(e.target.value);
              setGaps({ ...gaps, password: false });
            }}
          />
        </Field>
        {error && (
          <p className="login-error" role="alert" data-testid="login-error">
            {errorText(locale, error)}
          </p>
        )}
        <WhyButton type="submit" className="primary" testid="login-submit" off={busy} whyId={why}>
          {t('login.submit')}
        </WhyButton>
        <Why id={why} reason={busy ? 'login.busyWhy' : null} />
        {demoAvailable && (
          <button
            type="button"
            className="demo-login"
            data-testid="login-demo"
            disabled={busy}
            onClick={() => void submit('demo', 'demo')}
          >
            {t('login.demo')}
          </button>
        )}
        <p className="muted">{t('login.notice')}</p>
      </form>
    </div>
  );
}
