import { errorText, problemText } from '../../i18n/messages';
import { selectors, useConsole, useT } from '../../console/console-store';

export function Banners() {
  const t = useT();
  const locale = useConsole(selectors.locale);
  const error = useConsole((s) => s.error);
  const notice = useConsole((s) => s.notice);
  const { setError, setNotice } = useConsole.getState();
  return (
    <>
      {error && (
        <div className="banner error" role="alert" data-testid="error-banner" data-code={error.code}>
          <strong>{t('error.title')} </strong>
          <span className="banner-text">{errorText(locale, error)}</span>
          {error.details && error.details.length > 0 && (
            <ul className="banner-text" data-testid="error-details">
              {error.details.slice(0, 20).map((p, i) => (
                <li key={i}>{problemText(locale, p)}</li>
              ))}
            </ul>
          )}
          <button onClick={() => setError(null)}>{t('error.dismiss')}</button>
        </div>
      )}
      {notice && (
        <div className="banner notice" role="status" data-testid="notice-banner">
          <span className="banner-text">{t(notice.key, notice.params)}</span>
          <button onClick={() => setNotice(null)}>{t('error.dismiss')}</button>
        </div>
      )}
    </>
  );
}
