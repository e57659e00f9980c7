import { useEffect, useState, type FormEvent } from 'react';
import { POLICE_SECOURS, URGENCIES, type Urgency } from '../../../common/contract';
import { parseDayTime } from '../../../common/format';
import type { MessageKey } from '../../i18n';
import { useConsole, useT } from '../../console/console-store';
import { DateTimeEcho, DateTimeInput, Field, Why, WhyButton, useWhyId, Options } from '../../ui/form';
import { localInput } from '../../ui/local-input';
import { PanelFrame } from '../shell/PanelFrame';

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

type Gap = 'category' | 'cameras' | 'time' | 'description';

/** An incident report ("signalement"): category from the current instructions, cameras, time, urgency. */
export function IncidentForm() {
  const t = useT();
  const instructions = useConsole((s) => s.instructions);
  const cameras = useConsole((s) => s.cameras);
  const { setIncidentFormOpen, reportIncident, loadInstructions, loadContacts, setNotice } =
    useConsole.getState();
  const [f, setF] = useState(() => {
    const s = useConsole.getState();
    const cam = s.tiles[s.solo ?? s.selected] ?? null;
    return {
      category: '',
      cameras: cam !== null ? [String(cam)] : ([] as string[]),
      time: localInput(Date.now()),
      description: '',
      urgency: 'normal' as Urgency,
    };
  });
  const [busy, setBusy] = useState(false);
  const [gaps, setGaps] = useState<ReadonlySet<Gap>>(new Set());
  const why = useWhyId();
  useEffect(() => {
    void loadInstructions();
    void loadContacts();
  }, [loadInstructions, loadContacts]);
  // Known once main answered: no version in force (null) or one without categories, the same to the operator.
  const categories = instructions?.current?.categories ?? null;
  const noInstructions = instructions !== null && (categories === null || categories.length === 0);

  const change = (patch: Partial<typeof f>, gap: Gap): void => {
    setF({ ...f, ...patch });
    if (gaps.has(gap)) setGaps(new Set([...gaps].filter((g) => g !== gap)));
  };
  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    const at = parseDayTime(f.time);
    const missing = new Set<Gap>();
    if (f.category === '') missing.add('category');
    if (f.cameras.length === 0) missing.add('cameras');
    if (at === null) missing.add('time');
    if (f.description.trim() === '') missing.add('description');
    setGaps(missing);
    if (missing.size > 0 || at === null) return;
    setBusy(true);
    const r = await reportIncident({
      category: f.category,
      cameras: f.cameras.map(Number),
      occurredAt: new Date(at).toISOString(),
      description: f.description,
      urgency: f.urgency,
    });
    setBusy(false);
    if (r) {
      setNotice({ key: 'incident.filed', params: { id: r.id } });
      setIncidentFormOpen(false);
    }
  };
  const gap = (g: Gap, key: MessageKey = 'form.missing'): MessageKey | null => (gaps.has(g) ? key : null);

  return (
    <PanelFrame
      testid="incident-form-pane"
      surface="incident-form"
      title={t('incident.title')}
      closeTestid="incident-form-close"
      onClose={() => setIncidentFormOpen(false)}
    >
      <form className="incident-form" data-testid="incident-form" noValidate onSubmit={(e) => void submit(e)}>
        {noInstructions && (
          <p className="bad" data-testid="incident-no-instructions">
            {t('incident.noInstructions')}
          </p>
        )}
        <p className="muted">{t('form.requiredLegend')}</p>
        <Field label={t('incident.category')} required error={gap('category')} testid="incident-category">
          <select
            data-testid="incident-category"
            value={f.category}
            aria-required="true"
            aria-invalid={gaps.has('category') || undefined}
            onChange={(e) => change({ category: e.target.value }, 'category')}
          >
            <option value="">—</option>
            {(categories ?? []).map((c) => (
              <option key={c.label} value={c.label}>
                {c.label}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('incident.cameras')} required error={gap('cameras')} testid="incident-cameras">
          <select
            multiple
            size={Math.min(6, Math.max(2, cameras.length))}
            data-testid="incident-cameras"
            value={f.cameras}
            aria-required="true"
            aria-invalid={gaps.has('cameras') || undefined}
            onChange={(e) =>
              change({ cameras: [...e.target.selectedOptions].map((o) => o.value) }, 'cameras')
            }
          >
            {cameras.map((c) => (
              <option key={c.id} value={String(c.id)}>
                {c.id} — {c.name}
              </option>
            ))}
          </select>
        </Field>
        <Field
          label={t('incident.time')}
          required
          error={gap('time', 'form.invalidDateTime')}
          testid="incident-time"
          hint={<DateTimeEcho value={f.time} />}
        >
          <DateTimeInput
            testid="incident-time"
            value={f.time}
            invalid={gaps.has('time')}
            onChange={(time) => change({ time }, 'time')}
          />
        </Field>
        <Field
          label={t('incident.description')}
          required
          error={gap('description')}
          testid="incident-description"
        >
          <textarea
            data-testid="incident-description"
            rows={4}
            maxLength={2000}
            value={f.description}
            aria-required="true"
            aria-invalid={gaps.has('description') || undefined}
            onChange={(e) => change({ description: e.target.value }, 'description')}
          />
        </Field>
        <Field label={t('incident.urgency')}>
          <select
            data-testid="incident-urgency"
            value={f.urgency}
            onChange={(e) => setF({ ...f, urgency: e.target.value as Urgency })}
          >
            <Options values={URGENCIES} prefix="incident.urgency" />
          </select>
        </Field>
        {f.urgency === 'urgent' && <UrgentReminder />}
        <div className="actions">
          <button type="button" data-testid="incident-cancel" onClick={() => setIncidentFormOpen(false)}>
            {t('incident.cancel')}
          </button>
          <WhyButton type="submit" className="primary" testid="incident-submit" off={busy} whyId={why}>
            {t('incident.submit')}
          </WhyButton>
        </div>
        <Why id={why} reason={busy ? 'form.sending' : null} />
      </form>
    </PanelFrame>
  );
}
