/**
 * The technician's commissioning self-test: the same checks as `vigie selftest`, run by main, with
 * a reason for each; the dated report is filed for signature. No image is ever shown here.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { formatDuration } from '../../../common/format';
import type { SelftestProgress } from '../../../common/contract';
import { CHECK_GROUPS } from '../../../common/selftest';
import { selftestText } from '../../i18n/messages';
import { useConsole, useT } from '../../console/console-store';
import { Field, Why, WhyButton, useWhyId } from '../../ui/form';
import { PanelFrame } from '../shell/PanelFrame';

/** The checks main has done out of their total, and how long they have been running. */
function Progress({ progress }: { progress: SelftestProgress | null }) {
  const t = useT();
  const now = useConsole((s) => s.now);
  const [start] = useState(() => Date.now());
  return (
    <p
      className="notice"
      role="status"
      data-testid="selftest-running"
      data-done={progress?.done}
      data-total={progress?.total}
    >
      {progress ? (
        <progress aria-label={t('selftest.running')} value={progress.done} max={progress.total} />
      ) : (
        <progress aria-label={t('selftest.running')} />
      )}{' '}
      {progress && <span data-testid="selftest-progress">{t('selftest.progress', { ...progress })} · </span>}
      {t('selftest.elapsed', { elapsed: formatDuration((now - start) / 1000) })}
    </p>
  );
}

export function SelftestPanel() {
  const t = useT();
  const locale = useConsole((s) => s.locale);
  const state = useConsole((s) => s.selftest);
  const session = useConsole((s) => s.session);
  const { runSelftest, setPanel } = useConsole.getState();
  const [technician, setTechnician] = useState(session?.name ?? '');
  const [missing, setMissing] = useState(false);
  const why = useWhyId();
  const running = state.phase === 'running';
  useEffect(() => setMissing(false), [technician]);
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    setMissing(!technician.trim());
    if (technician.trim()) void runSelftest(technician.trim());
  };
  const run = state.phase === 'done' ? state.run : null;
  return (
    <PanelFrame
      testid="selftest-panel"
      surface="selftest"
      title={t('selftest.title')}
      closeTestid="selftest-close"
      onClose={() => setPanel('none')}
      data={{ 'data-state': state.phase }}
      className="selftest"
    >
      <p className="muted">{t('selftest.hint')}</p>
      <form className="filters" noValidate onSubmit={submit}>
        <Field label={t('selftest.technician')} required error={missing ? 'form.missing' : null}>
          <input
            data-testid="selftest-technician"
            value={technician}
            maxLength={120}
            aria-required="true"
            onChange={(e) => setTechnician(e.target.value)}
          />
        </Field>
        <WhyButton type="submit" testid="selftest-run" off={running} whyId={why}>
          {running ? t('selftest.running') : t('selftest.run')}
        </WhyButton>
        <Why id={why} reason={running ? 'selftest.runningWhy' : null} />
      </form>
      {state.phase === 'running' && <Progress progress={state.progress} />}
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
    </PanelFrame>
  );
}
