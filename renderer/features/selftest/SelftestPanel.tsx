/**
 * The technician's commissioning self-test: the same checks as `vigie selftest`, run by main, with
 * a reason for each; the dated report is filed for signature. No image is ever shown here.
 */
import { useState, type FormEvent } from 'react';
import { CHECK_GROUPS } from '../../../common/selftest';
import { selftestText } from '../../i18n/messages';
import { useConsole, useT } from '../../console/console-store';

export function SelftestPanel() {
  const t = useT();
  const locale = useConsole((s) => s.locale);
  const state = useConsole((s) => s.selftest);
  const session = useConsole((s) => s.session);
  const { runSelftest, setPanel } = useConsole.getState();
  const [technician, setTechnician] = useState(session?.name ?? '');
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    if (technician.trim()) void runSelftest(technician.trim());
  };
  const run = state.phase === 'done' ? state.run : null;
  return (
    <div className="modal-backdrop">
      <div
        className="modal selftest"
        role="dialog"
        aria-modal="true"
        data-testid="selftest-panel"
        data-state={state.phase}
      >
        <h2>{t('selftest.title')}</h2>
        <p className="muted">{t('selftest.hint')}</p>
        <form className="filters" onSubmit={submit}>
          <label>
            {t('selftest.technician')}
            <input
              data-testid="selftest-technician"
              value={technician}
              maxLength={120}
              onChange={(e) => setTechnician(e.target.value)}
            />
          </label>
          <button type="submit" data-testid="selftest-run" disabled={state.phase === 'running'}>
            {state.phase === 'running' ? t('selftest.running') : t('selftest.run')}
          </button>
        </form>
        {run && (
          <>
            <p data-testid="selftest-summary" data-fail={run.report.summary.fail}>
              {t('selftest.summary', run.report.summary)}
            </p>
            {CHECK_GROUPS.map((g) => {
              const rows = run.report.results.filter((r) => r.group === g);
              if (rows.length === 0) return null;
              return (
                <section key={g}>
                  <h3>{t(`selftest.group.${g}`)}</h3>
                  <ul>
                    {rows.map((r, i) => (
                      <li
                        key={`${r.subject}-${i}`}
                        data-testid="selftest-result"
                        data-group={r.group}
                        data-status={r.status}
                        data-code={r.code}
                        className={`selftest-${r.status}`}
                      >
                        <strong>{t(`selftest.status.${r.status}`)}</strong> {selftestText(locale, r)}
                      </li>
                    ))}
                  </ul>
                </section>
              );
            })}
            <p className="muted" data-testid="selftest-report">
              {t('selftest.report', { pdf: run.pdf })}
            </p>
          </>
        )}
        <button data-testid="selftest-close" onClick={() => setPanel('none')}>
          {t('selftest.close')}
        </button>
      </div>
    </div>
  );
}
