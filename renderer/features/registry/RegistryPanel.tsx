import { useLayoutEffect, useState, type FormEvent } from 'react';
import type { RegistryFilterInput } from '../../../common/contract';
import { verifyText } from '../../i18n/messages';
import { selectors, useConsole, useT } from '../../console/console-store';
import { RegistryProgress, RegistryResults } from './RegistryResults';
import { RequisitionForm } from './RequisitionForm';
import { isoDay } from '../../../common/format';
import { DateRange } from '../../ui/DateRange';
import { dayParam } from '../../ui/local-input';
import { PanelFrame } from '../shell/PanelFrame';

export function RegistryPanel() {
  const t = useT();
  const locale = useConsole(selectors.locale);
  const session = useConsole((s) => s.session);
  const { queryRegistry, exportRegistry, verifyRegistry, checkpointRegistry, resetRegistry } =
    useConsole.getState();
  // The panel opens empty: no earlier search, page or verification (before the first paint).
  useLayoutEffect(resetRegistry, [resetRegistry]);
  const today = isoDay(Date.now());
  const [filter, setFilter] = useState<{ from: string; to: string; login: string; camera: string }>({
    from: today,
    to: today,
    login: '',
    camera: '',
  });
  const verify = useConsole((s) => s.verification);
  // The file written, worded at render: it follows a change of language.
  const [written, setWritten] = useState<string | null>(null);
  const done = (file: string): void => {
    useConsole.getState().clearErrorIn('registry');
    setWritten(file);
  };

  const input = (): RegistryFilterInput => ({
    ...(filter.from && { from: dayParam(filter.from) }),
    ...(filter.to && { to: dayParam(filter.to) }),
    ...(filter.login && { login: filter.login }),
    ...(filter.camera && { cameraId: Number(filter.camera) }),
  });
  const show = async (e?: FormEvent): Promise<void> => {
    e?.preventDefault();
    await queryRegistry(input());
  };
  const exportAs = async (format: 'csv' | 'pdf'): Promise<void> => {
    const file = await exportRegistry(input(), format);
    if (file) done(file);
  };
  const checkpoint = async (): Promise<void> => {
    const file = await checkpointRegistry();
    if (file) done(file);
  };
  const admin = session?.permissions.includes('registry.admin');

  return (
    <PanelFrame testid="registry-panel" title={t('reg.title')}>
      <form className="filters" noValidate onSubmit={(e) => void show(e)}>
        <DateRange value={filter} onChange={setFilter} testid="reg" />
        <label>
          {t('reg.operator')}{' '}
          <input
            data-testid="reg-login"
            value={filter.login}
            onChange={(e) => setFilter({ ...filter, login: e.target.value })}
            size={10}
          />
        </label>
        <label>
          {t('reg.camera')}{' '}
          <input
            data-testid="reg-camera"
            inputMode="numeric"
            value={filter.camera}
            onChange={(e) => setFilter({ ...filter, camera: e.target.value.replace(/\D/g, '') })}
            size={5}
          />
        </label>
        <button type="submit" data-testid="reg-show">
          {t('reg.show')}
        </button>
        <button type="button" data-testid="registry-export-csv" onClick={() => void exportAs('csv')}>
          {t('reg.csv')}
        </button>
        <button type="button" data-testid="registry-export-pdf" onClick={() => void exportAs('pdf')}>
          {t('reg.pdf')}
        </button>
        {admin && (
          <button type="button" data-testid="registry-verify" onClick={() => void verifyRegistry()}>
            {t('reg.verify')}
          </button>
        )}
        {admin && (
          <button type="button" data-testid="registry-checkpoint" onClick={() => void checkpoint()}>
            {t('reg.checkpoint')}
          </button>
        )}
      </form>
      {written && (
        <p className="notice" role="status" data-testid="registry-message">
          {t('reg.exported', { file: written })}
        </p>
      )}
      <RegistryProgress />
      {verify && (
        <div
          data-testid="registry-verify-result"
          data-ok={String(verify.ok)}
          data-ranges={verify.ok ? 0 : verify.rangeCount}
          className={verify.ok ? 'ok' : 'bad'}
        >
          {verify.ok ? (
            t('reg.verifyOk', { rows: verify.rows })
          ) : (
            <>
              {t('reg.verifyBad', { count: verify.rangeCount, rows: verify.rows })}
              <ul data-testid="registry-verify-ranges">
                {verify.ranges.map((r) => (
                  <li
                    key={`${r.problem}-${r.first}`}
                    data-first={r.first}
                    data-last={r.last}
                    data-problem={r.problem}
                  >
                    {verifyText(locale, r)}
                  </li>
                ))}
              </ul>
              {verify.rangeCount > verify.ranges.length &&
                t('reg.verifyMore', { count: verify.rangeCount - verify.ranges.length })}
            </>
          )}
        </div>
      )}
      <RegistryResults />
      <RequisitionForm />
    </PanelFrame>
  );
}
