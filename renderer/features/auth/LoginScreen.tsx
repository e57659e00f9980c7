import { useState, type FormEvent } from 'react';
import type { AppError } from '../../../common/result';
import { errorText } from '../../i18n/messages';
import { selectors, useConsole, useT } from '../../console/console-store';

export function LoginScreen() {
  const t = useT();
  const demoAvailable = useConsole((s) => s.demoAvailable);
  const [user, setUser] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<AppError | null>(null);
  const locale = useConsole(selectors.locale);
  const [busy, setBusy] = useState(false);

  const submit = async (u: string, p: string): Promise<void> => {
    setBusy(true);
    setError(null);
    setError(await useConsole.getState().login(u, p));
    setBusy(false);
    setPassword('');
  };
  const onSubmit = (e: FormEvent): void => {
    e.preventDefault();
    void submit(user, password);
  };

  return (
    <div className="login" data-testid="login-screen">
      <form onSubmit={onSubmit} className="login-box">
        <h1>{t('app.title')}</h1>
        <h2>{t('login.title')}</h2>
        <label>
          {t('login.user')}
          <input
            data-testid="login-user"
            autoComplete="username"
            value={user}
            onChange={(e) => setUser(e.target.value)}
            autoFocus
          />
        </label>
        <label>
          {t('login.password')}
          <input
            data-testid="login-password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        {error && (
          <p className="login-error" role="alert" data-testid="login-error">
            {errorText(locale, error)}
          </p>
        )}
        <button
          type="submit"
          className="primary"
          data-testid="login-submit"
          disabled={busy || !user || !password}
        >
          {t('login.submit')}
        </button>
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
