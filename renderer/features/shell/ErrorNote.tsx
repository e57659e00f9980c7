import { useEffect } from 'react';
import { inventoryProblems } from '../../../common/contract';
import { errorText, problemText } from '../../i18n/messages';
import { selectors, useConsole, useT } from '../../console/console-store';

/**
 * A refusal, inside the dialog or pane whose action caused it (`surface`, its `data-surface`); the
 * console's own one (`console`) takes those whose part is not open. Worded at render from main's
 * code and parameters, so it follows a change of language; it goes with its part when that closes.
 */
export function ErrorNote({ surface }: { surface: string }) {
  const t = useT();
  const locale = useConsole(selectors.locale);
  const error = useConsole((s) => (s.errorWhere === surface ? s.error : null));
  useEffect(
    () => () => {
      const s = useConsole.getState();
      if (s.error && s.errorWhere === surface) s.setError(null);
    },
    [surface],
  );
  if (!error) return null;
  return (
    <div
      className={`error-note surface-${surface}`}
      role="alert"
      data-testid="error-banner"
      data-code={error.code}
    >
      <div className="error-text">
        <strong>{t('error.title')} </strong>
        <span className="banner-text">{errorText(locale, error)}</span>
        {inventoryProblems(error).length > 0 && (
          <ul className="banner-text" data-testid="error-details">
            {inventoryProblems(error)
              .slice(0, 20)
              .map((p, i) => (
                <li key={i}>{problemText(locale, p)}</li>
              ))}
          </ul>
        )}
      </div>
      <button type="button" onClick={() => useConsole.getState().setError(null)}>
        {t('error.dismiss')}
      </button>
    </div>
  );
}
