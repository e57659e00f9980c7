import { useEffect, useState, type FormEvent } from 'react';
import { URGENCIES, type IncidentFilter, type Urgency } from '../../../common/contract';
import { formatDateTime } from '../../../common/format';
import type { MessageKey } from '../../i18n';
import { selectors, useConsole, useT } from '../../console/console-store';
import { DateRange } from '../../ui/DateRange';
import { NONE } from '../../ui/empty';
import { dayParam } from '../../ui/local-input';
import { PanelFrame } from '../shell/PanelFrame';
import { Options } from '../../ui/form';
import { TableHead } from '../../ui/TableHead';

/** The incident reports filed at this post, filtered by category, camera, urgency and period. */
export function IncidentsPanel() {
  const t = useT();
  const locale = useConsole(selectors.locale);
  const list = useConsole((s) => s.incidents);
  // No instructions loaded yet (Signalements opened first): the shared empty list, never a new one.
  const categories = useConsole((s) => s.instructions?.current?.categories) ?? NONE;
  const { listIncidents, loadInstructions, setIncidentFormOpen } = useConsole.getState();
  const [f, setF] = useState({ category: '', camera: '', urgency: '', from: '', to: '' });
  const filter = (): IncidentFilter => ({
    ...(f.category && { category: f.category }),
    ...(f.camera && { cameraId: Number(f.camera) }),
    ...(f.urgency && { urgency: f.urgency as Urgency }),
    ...(f.from && { from: dayParam(f.from) }),
    ...(f.to && { to: dayParam(f.to) }),
  });
  useEffect(() => {
    void loadInstructions();
    void listIncidents({});
  }, [loadInstructions, listIncidents]);
  const apply = (e: FormEvent): void => {
    e.preventDefault();
    void listIncidents(filter());
  };
  const when = (iso: string): string => formatDateTime(Date.parse(iso), { locale });

  return (
    <PanelFrame testid="incidents-panel" title={t('incidents.title')}>
      <form className="filters" noValidate onSubmit={apply}>
        <label>
          {t('incident.category')}{' '}
          <select
            data-testid="incidents-filter-category"
            value={f.category}
            onChange={(e) => setF({ ...f, category: e.target.value })}
          >
            <option value="">{t('incidents.all')}</option>
            {categories.map((c) => (
              <option key={c.label} value={c.label}>
                {c.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('reg.camera')}{' '}
          <input
            data-testid="incidents-filter-camera"
            inputMode="numeric"
            size={5}
            value={f.camera}
            onChange={(e) => setF({ ...f, camera: e.target.value.replace(/\D/g, '') })}
          />
        </label>
        <label>
          {t('incident.urgency')}{' '}
          <select
            data-testid="incidents-filter-urgency"
            value={f.urgency}
            onChange={(e) => setF({ ...f, urgency: e.target.value })}
          >
            <option value="">{t('incidents.all')}</option>
            <Options values={URGENCIES} prefix="incident.urgency" />
          </select>
        </label>
        <DateRange value={f} onChange={setF} testid="incidents-filter" />
        <button type="submit" data-testid="incidents-filter-apply">
          {t('reg.show')}
        </button>
        <button type="button" data-testid="incident-new-from-list" onClick={() => setIncidentFormOpen(true)}>
          {t('incident.new')}
        </button>
      </form>
      <table data-testid="incident-list" data-count={list.length}>
        <TableHead
          columns={[
            'incident.number',
            'incident.time',
            'incident.category',
            'incident.cameras',
            'incident.urgency',
            'incident.description',
            'incidents.by',
          ]}
        />
        <tbody>
          {list.map((i) => (
            <tr
              key={i.id}
              data-testid={`incident-row-${i.id}`}
              data-category={i.category}
              data-urgency={i.urgency}
              className={i.urgency === 'urgent' ? 'bad' : undefined}
            >
              <td>{i.id}</td>
              <td>{when(i.occurredAt)}</td>
              <td>{i.category}</td>
              <td>{i.cameras.join(', ')}</td>
              <td>{t(`incident.urgency.${i.urgency}` as MessageKey)}</td>
              <td className="incident-description">{i.description}</td>
              <td>{i.reporter.name}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {list.length === 0 && <p className="muted">{t('incidents.none')}</p>}
    </PanelFrame>
  );
}
