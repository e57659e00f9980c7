import { useState, type FormEvent } from 'react';
import { useConsole, useT } from '../../console/console-store';
import type { MessageKey } from '../../i18n';
import { Field } from '../../ui/form';

type Key = 'number' | 'authority' | 'officer' | 'cameras' | 'slots';

/** A judicial requisition, recorded in the registry: every field is required, said in the console's words. */
export function RequisitionForm() {
  const t = useT();
  const [f, setF] = useState({ number: '', authority: '', officer: '', cameras: '', slots: '', copy: false });
  const [gaps, setGaps] = useState<Partial<Record<Key, MessageKey>>>({});
  // The entry recorded, worded at render: it follows a change of language.
  const [done, setDone] = useState<number | null>(null);
  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    const cameras = f.cameras
      .split(/[\s,;]+/)
      .filter(Boolean)
      .map(Number);
    const found: Partial<Record<Key, MessageKey>> = {};
    for (const k of ['number', 'authority', 'officer', 'cameras', 'slots'] as const)
      if (f[k].trim() === '') found[k] = 'form.missing';
    if (!found.cameras && cameras.some((n) => !Number.isInteger(n) || n <= 0))
      found.cameras = 'form.cameraNumbers';
    setGaps(found);
    if (Object.keys(found).length > 0) return;
    const row = await useConsole.getState().recordRequisition({
      number: f.number,
      authority: f.authority,
      officer: f.officer,
      cameras,
      slots: f.slots,
      copyRequested: f.copy,
    });
    if (row) {
      useConsole.getState().clearErrorIn('registry');
      setDone(row.seq);
      setF({ number: '', authority: '', officer: '', cameras: '', slots: '', copy: false });
    }
  };
  const field = (k: Key, label: string) => (
    <Field label={label} required error={gaps[k] ?? null} testid={`req-${k}`}>
      <input
        data-testid={`req-${k}`}
        value={f[k]}
        aria-required="true"
        aria-invalid={gaps[k] ? true : undefined}
        onChange={(e) => {
          setF({ ...f, [k]: e.target.value });
          setGaps({ ...gaps, [k]: undefined });
        }}
      />
    </Field>
  );
  return (
    <form className="requisition" noValidate onSubmit={(e) => void submit(e)} data-testid="requisition-form">
      <h3>{t('reg.requisition')}</h3>
      {field('number', t('req.number'))}
      {field('authority', t('req.authority'))}
      {field('officer', t('req.officer'))}
      {field('cameras', t('req.cameras'))}
      {field('slots', t('req.slots'))}
      <label className="check">
        <input
          type="checkbox"
          data-testid="req-copy"
          checked={f.copy}
          onChange={(e) => setF({ ...f, copy: e.target.checked })}
        />{' '}
        {t('req.copy')}
      </label>
      <button type="submit" data-testid="req-submit">
        {t('req.submit')}
      </button>
      {done !== null && (
        <span className="notice" role="status" data-testid="req-done">
          {t('req.done', { seq: done })}
        </span>
      )}
    </form>
  );
}
