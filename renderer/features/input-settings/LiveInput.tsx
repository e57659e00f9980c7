/**
 * The input devices right now: each axis as a bar from -100 to 100 %, and the buttons held, by the
 * numbers the mapping uses. Nothing is shown before a device has moved.
 */
import { formatPercent } from '../../../common/format';
import { selectors, useConsole, useT } from '../../console/console-store';

const AXES = ['pan', 'tilt', 'zoom'] as const;

export function LiveInput() {
  const t = useT();
  const locale = useConsole(selectors.locale);
  const live = useConsole((s) => s.inputLive);
  return (
    <section className="live-input" data-testid="input-live" aria-label={t('input.live')}>
      <h3>{t('input.live')}</h3>
      {!live ? (
        <p className="hint" data-testid="input-live-idle">
          {t('input.live.idle')}
        </p>
      ) : (
        <>
          {AXES.map((a) => (
            <div key={a} className="live-axis">
              <span>{t(`input.axis.${a}`)}</span>
              <meter
                data-testid={`input-live-${a}`}
                data-value={live[a]}
                min={-1}
                max={1}
                value={live[a]}
                aria-label={t(`input.axis.${a}`)}
              />
              <span>{formatPercent(live[a], { locale, maxDecimals: 0 })}</span>
            </div>
          ))}
          <p data-testid="input-live-buttons" data-buttons={live.buttons.join(',')}>
            {live.buttons.length === 0
              ? t('input.live.noButton')
              : t('input.live.buttons', { buttons: live.buttons.join(', ') })}
          </p>
        </>
      )}
    </section>
  );
}
