/**
 * The annual follow-up report (convention, article 6): a period, the figures main computes from the
 * registry and the status history, its charts (main's SVG shown as images) and the committee's files.
 */
import { useState, type FormEvent } from 'react';
import type { ReportFigures } from '../../../common/contract';
import { formatNumber, formatPercent, isoDay } from '../../../common/format';
import { selectors, useConsole, useT } from '../../console/console-store';
import { DateRange } from '../../ui/DateRange';
import { Why, WhyButton, useWhyId } from '../../ui/form';
import { dayParam } from '../../ui/local-input';
import { PanelFrame } from '../shell/PanelFrame';
import { TableHead } from '../../ui/TableHead';

const EXPORTS = ['pdf', 'csv'] as const;

function Figures({ f }: { f: ReportFigures }) {
  const t = useT();
  const locale = useConsole(selectors.locale);
  const pct = (a: number | null): string =>
    a === null ? t('report.notObserved') : formatPercent(a, { locale });
  const hours = (h: number): string => formatNumber(h, { locale });
  return (
    <div data-testid="report-figures">
      <h3>{t('report.availability')}</h3>
      <table data-testid="report-availability">
        <TableHead
          columns={[
            'report.camera',
            'report.observedHours',
            'report.playingHours',
            'report.availabilityShare',
          ]}
        />
        <tbody>
          {f.availability.map((a) => (
            <tr key={a.cameraId} data-camera={a.cameraId}>
              <td>
                {a.cameraId} — {a.name}
              </td>
              <td>{hours(a.observedHours)}</td>
              <td>{hours(a.playingHours)}</td>
              <td data-testid={`report-availability-${a.cameraId}`}>{pct(a.availability)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{t('report.viewing', { hours: f.viewing.totalHours })}</h3>
      <table data-testid="report-viewing">
        <tbody>
          {f.viewing.byCamera.map((c) => (
            <tr key={c.cameraId}>
              <td>
                {c.cameraId} — {c.name}
              </td>
              <td>{t('report.sessionsHours', { sessions: c.sessions, hours: c.hours })}</td>
            </tr>
          ))}
          {f.viewing.bySurface.map((s) => (
            <tr key={s.surface}>
              <td>{t(`report.surface.${s.surface}` as 'report.surface.console-tile')}</td>
              <td>{t('report.sessionsHours', { sessions: s.sessions, hours: s.hours })}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{t('report.ptz')}</h3>
      <p data-testid="report-ptz">{t('report.ptzFigures', f.ptz)}</p>
      <h3>{t('report.incidents', { total: f.incidents.total, urgent: f.incidents.urgent })}</h3>
      <ul data-testid="report-incidents">
        {f.incidents.byCategory.map((c) => (
          <li key={c.category}>
            {c.category} : {c.count}
          </li>
        ))}
      </ul>
      <h3>{t('report.operations')}</h3>
      <p data-testid="report-operations">
        {t('report.operationsFigures', {
          total: f.operations.total,
          extensions: f.operations.extensions,
          closedEarly: f.operations.closedEarly,
        })}
      </p>
      <h3>{t('report.requisitions')}</h3>
      <p data-testid="report-requisitions">{t('report.requisitionsFigures', f.requisitions)}</p>
    </div>
  );
}

export function ReportPanel() {
  const t = useT();
  const locale = useConsole(selectors.locale);
  const state = useConsole((s) => s.report);
  const file = useConsole((s) => s.reportFile);
  const exporting = useConsole((s) => s.reportExporting);
  const { runReport, exportReport, closeReport } = useConsole.getState();
  const [period, setPeriod] = useState(() => ({
    from: `${isoDay(Date.now()).slice(0, 4)}-01-01`,
    to: isoDay(Date.now()),
  }));
  const why = useWhyId();
  const days = { from: dayParam(period.from), to: dayParam(period.to) };
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    void runReport(days);
  };
  const done = state.phase === 'done' ? state : null;
  const running = state.phase === 'running';
  return (
    <PanelFrame
      testid="report-panel"
      surface="report"
      title={t('report.title')}
      closeTestid="report-close"
      onClose={closeReport}
      data={{ 'data-state': state.phase }}
    >
      <form className="filters" noValidate onSubmit={submit}>
        <DateRange value={period} onChange={setPeriod} testid="report" />
        <WhyButton type="submit" testid="report-run" off={running} whyId={why}>
          {t('report.run')}
        </WhyButton>
        {EXPORTS.map((format) => (
          <WhyButton
            key={format}
            testid={`report-export-${format}`}
            off={exporting}
            whyId={why}
            onClick={() => void exportReport(days, format)}
          >
            {t(`report.${format}`)}
          </WhyButton>
        ))}
        <Why id={why} reason={running ? 'report.runningWhy' : exporting ? 'report.exportingWhy' : null} />
      </form>
      {state.phase === 'running' && (
        <p className="notice" role="status">
          <progress
            data-testid="report-progress"
            max={1}
            value={state.fraction}
            aria-label={t('report.running')}
          />{' '}
          {formatPercent(state.fraction, { locale, maxDecimals: 0 })}
        </p>
      )}
      {file && (
        <p className="notice" role="status" data-testid="report-exported" data-format={file.format}>
          {t('reg.exported', { file: file.file })}
        </p>
      )}
      {done && (
        <>
          <Figures f={done.figures} />
          <div className="report-charts">
            {done.charts.map((c) => (
              <img
                key={c.name}
                data-testid={`report-chart-${c.name}`}
                src={c.url}
                alt={t(`report.chart.${c.name}`)}
              />
            ))}
          </div>
        </>
      )}
    </PanelFrame>
  );
}
