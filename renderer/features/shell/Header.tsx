/**
 * The slim header of a 24-hour console: the post, the status area, the clock, the operator, the
 * language, lock and change of operator. One row at every size: the status area and the operator's
 * name give way first.
 */
import { formatDate, formatTime } from '../../../common/format';
import { selectors, useConsole, useT } from '../../console/console-store';
import { OperatorBar } from './OperatorBar';
import { StatusArea } from './StatusArea';

function Clock() {
  const locale = useConsole(selectors.locale);
  const now = useConsole(selectors.now);
  return (
    <time className="clock" data-testid="clock" dateTime={new Date(now).toISOString()}>
      <span className="clock-date">{formatDate(now, { locale })}</span>{' '}
      <span className="clock-time">{formatTime(now, { locale })}</span>
    </time>
  );
}

export function Header() {
  const t = useT();
  const locale = useConsole(selectors.locale);
  const demo = useConsole((s) => s.demo);
  const post = useConsole((s) => s.ptz?.post ?? null);
  const { setLocale } = useConsole.getState();
  return (
    <header className="header">
      <h1 className="brand">{t('app.name')}</h1>
      {post && (
        <span className="post" data-testid="post-name" title={t('shell.post', { post })}>
          {post}
        </span>
      )}
      {demo && (
        <span className="demo-badge" data-testid="demo-badge" title={t('app.demoHint')}>
          {t('app.demo')}
        </span>
      )}
      <StatusArea />
      <Clock />
      <OperatorBar />
      <button
        type="button"
        data-testid="lang-switch"
        lang={locale === 'fr' ? 'en' : 'fr'}
        onClick={() => setLocale(locale === 'fr' ? 'en' : 'fr')}
      >
        {t('lang.switch')}
      </button>
    </header>
  );
}
