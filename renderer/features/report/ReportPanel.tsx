/**
 * The annual follow-up report (convention, article 6): a period, the figures main computes from the
 * registry and the status history, its charts (main's SVG shown as images) and the committee's files.
 */
import { useState, type FormEvent } from 'react';
import type { ReportFigures } from '../../../common/contract-report';
import { useConsole, useT } from '../../console/console-store';
import { DateRange } from '../../ui/DateRange';

const today = (): string => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

function Figures({ f }: { f: ReportFigures }) {
  const t = useT();
  const pct = (a: number | null): string =>
    a === null ? t('report.notObserved') : `${Math.round(a * 1000) / 10} %`;
  return (
    <div data-testid="report-figures">
      <h3>{t('report.availability')}</h3>
      <table data-testid="report-availability">
        <thead>
          <tr>
            <th>{t('report.camera')}</th>
            <th>{t('report.observedHours')}</th>
            <th>{t('report.playingHours')}</th>
            <th>{t('report.availabilityShare')}</th>
          </tr>
        </thead>
        <tbody>
          {f.availability.map((a) => (
            <tr key={a.cameraId} data-camera={a.cameraId}>
              <td>
                {a.cameraId} — {a.name}
              </td>
              <td>{a.observedHours}</td>
              <td>{a.playingHours}</td>
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
  const state = useConsole((s) => s.report);
  const file = useConsole((s) => s.reportFile);
  const exporting = useConsole((s) => s.reportExporting);
  const { runReport, exportReport, closeReport } = useConsole.getState();
  const [period, setPeriod] = useState({ from: `${new Date().getFullYear()}-01-01`, to: today() });
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    void runReport(period);
  };
  const done = state.phase === 'done' ? state : null;
  return (
    <div className="modal-backdrop">
      <div
        className="modal wide"
        role="dialog"
        aria-modal="true"
        data-testid="report-panel"
        data-state={state.phase}
      >
        <h2>{t('report.title')}</h2>
        <form className="filters" onSubmit={submit}>
          <DateRange value={period} onChange={setPeriod} testid="report" />
          <button type="submit" data-testid="report-run" disabled={state.phase === 'running'}>
            {t('report.run')}
          </button>
          <button
            type="button"
            data-testid="report-export-pdf"
            disabled={exporting}
            onClick={() => void exportReport(period, 'pdf')}
          >
            {t('report.pdf')}
          </button>
          <button
            type="button"
            data-testid="report-export-csv"
            disabled={exporting}
            onClick={() => void exportReport(period, 'csv')}
          >
            {t('report.csv')}
          </button>
        </form>
        {state.phase === 'running' && (
          <progress data-testid="report-progress" max={1} value={state.fraction}>
            {Math.round(state.fraction * 100)} %
          </progress>
        )}
        {file && (
          <p className="notice" data-testid="report-exported" data-format={file.format}>
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
        <button data-testid="report-close" onClick={closeReport}>
          {t('selftest.close')}
        </button>
      </div>
    </div>
  );
}
