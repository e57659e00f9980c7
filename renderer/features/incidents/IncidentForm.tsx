import { useEffect, useState, type FormEvent } from 'react';
import { POLICE_SECOURS, URGENCIES, type Urgency } from '../../../common/contract-docs';
import type { MessageKey } from '../../i18n';
import { useConsole, useT } from '../../console/console-store';
import { localInput } from '../../ui/local-input';

/** The 17 police-secours reminder and the CIC's own procedure, shown on an urgent report. */
export function UrgentReminder() {
  const t = useT();
  const procedure = useConsole((s) => s.contacts?.procedure ?? '');
  return (
    <div className="urgent-reminder" role="alert" data-testid="incident-urgent-reminder">
      <strong>{t('incident.urgent17', { number: POLICE_SECOURS })}</strong>
      <p className="procedure">{procedure || t('incident.noProcedure')}</p>
    </div>
  );
}

/** An incident report ("signalement"): category from the current instructions, cameras, time, urgency. */
export function IncidentForm() {
  const t = useT();
  const categories = useConsole((s) => s.instructions?.current?.categories ?? null);
  const cameras = useConsole((s) => s.cameras);
  const { setIncidentFormOpen, reportIncident, loadInstructions, loadContacts, setNotice } =
    useConsole.getState();
  const [f, setF] = useState(() => {
    const s = useConsole.getState();
    const cam = s.tiles[s.selected] ?? null;
    return {
      category: '',
      cameras: cam !== null ? [String(cam)] : ([] as string[]),
      time: localInput(Date.now()),
      description: '',
      urgency: 'normal' as Urgency,
    };
  });
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    void loadInstructions();
    void loadContacts();
  }, [loadInstructions, loadContacts]);

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setBusy(true);
    const r = await reportIncident({
      category: f.category,
      cameras: f.cameras.map(Number),
      occurredAt: new Date(f.time).toISOString(),
      description: f.description,
      urgency: f.urgency,
    });
    setBusy(false);
    if (r) {
      setNotice({ key: 'incident.filed', params: { id: r.id } });
      setIncidentFormOpen(false);
    }
  };
  const valid = f.category !== '' && f.cameras.length > 0 && f.description.trim() !== '' && f.time !== '';

  return (
    <div className="modal-backdrop">
      <form
        className="modal incident-form"
        role="dialog"
        aria-modal="true"
        data-testid="incident-form"
        onSubmit={(e) => void submit(e)}
      >
        <h2>{t('incident.title')}</h2>
        {categories !== null && categories.length === 0 && (
          <p className="bad">{t('incident.noInstructions')}</p>
        )}
        <label>
          {t('incident.category')}
          <select
            data-testid="incident-category"
            value={f.category}
            onChange={(e) => setF({ ...f, category: e.target.value })}
          >
            <option value="">—</option>
            {(categories ?? []).map((c) => (
              <option key={c.label} value={c.label}>
                {c.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('incident.cameras')}
          <select
            multiple
            size={Math.min(6, Math.max(2, cameras.length))}
            data-testid="incident-cameras"
            value={f.cameras}
            onChange={(e) => setF({ ...f, cameras: [...e.target.selectedOptions].map((o) => o.value) })}
          >
            {cameras.map((c) => (
              <option key={c.id} value={String(c.id)}>
                {c.id} — {c.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('incident.time')}
          <input
            type="datetime-local"
            step={1}
            data-testid="incident-time"
            value={f.time}
            onChange={(e) => setF({ ...f, time: e.target.value })}
          />
        </label>
        <label>
          {t('incident.description')}
          <textarea
            data-testid="incident-description"
            rows={4}
            maxLength={2000}
            value={f.description}
            onChange={(e) => setF({ ...f, description: e.target.value })}
          />
        </label>
        <label>
          {t('incident.urgency')}
          <select
            data-testid="incident-urgency"
            value={f.urgency}
            onChange={(e) => setF({ ...f, urgency: e.target.value as Urgency })}
          >
            {URGENCIES.map((u) => (
              <option key={u} value={u}>
                {t(`incident.urgency.${u}` as MessageKey)}
              </option>
            ))}
          </select>
        </label>
        {f.urgency === 'urgent' && <UrgentReminder />}
        <div className="actions">
          <button type="button" data-testid="incident-cancel" onClick={() => setIncidentFormOpen(false)}>
            {t('incident.cancel')}
          </button>
          <button type="submit" data-testid="incident-submit" disabled={busy || !valid}>
            {t('incident.submit')}
          </button>
        </div>
      </form>
    </div>
  );
}
