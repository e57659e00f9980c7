import { useConsole, useT } from '../store/console-store';

export function Banners() {
  const t = useT();
  const error = useConsole((s) => s.error);
  const notice = useConsole((s) => s.notice);
  const { setError, setNotice } = useConsole.getState();
  return (
    <>
      {error && (
        <div className="banner error" role="alert" data-testid="error-banner" data-code={error.code}>
          <strong>{t('error.title')} : </strong>
          <span className="banner-text">{error.message}</span>
          <button onClick={() => setError(null)}>{t('error.dismiss')}</button>
        </div>
      )}
      {notice && (
        <div className="banner notice" role="status" data-testid="notice-banner">
          <span className="banner-text">{notice}</span>
          <button onClick={() => setNotice(null)}>{t('error.dismiss')}</button>
        </div>
      )}
    </>
  );
}
