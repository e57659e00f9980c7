import { useEffect } from 'react';
import { useConsole, useT } from '../../console/console-store';

/** How long a transient notice stays (a success, a lease that ended): then it goes by itself. */
export const TOAST_MS = 10_000;

/** The one transient notice, newest first: a key and its parameters, worded in the current language. */
export function Toast() {
  const t = useT();
  const notice = useConsole((s) => s.notice);
  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => {
      if (useConsole.getState().notice === notice) useConsole.getState().setNotice(null);
    }, TOAST_MS);
    return () => clearTimeout(timer);
  }, [notice]);
  if (!notice) return null;
  return (
    <div className="toast" role="status" data-testid="toast">
      <span className="banner-text" data-testid="notice-banner">
        {t(notice.key, notice.params)}
      </span>
      <button type="button" onClick={() => useConsole.getState().setNotice(null)}>
        {t('error.dismiss')}
      </button>
    </div>
  );
}
