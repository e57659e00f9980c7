import { useState, type FormEvent } from 'react';
import { useConsole, useT } from '../../console/console-store';

export function RequisitionForm() {
  const t = useT();
  const [f, setF] = useState({ number: '', authority: '', officer: '', cameras: '', slots: '', copy: false });
  const [done, setDone] = useState<string | null>(null);
  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    const cameras = f.cameras
      .split(/[\s,;]+/)
      .filter(Boolean)
      .map(Number);
    const row = await useConsole.getState().recordRequisition({
      number: f.number,
      authority: f.authority,
      officer: f.officer,
      cameras,
      slots: f.slots,
      copyRequested: f.copy,
    });
    if (row) {
      setDone(t('req.done', { seq: row.seq }));
      setF({ number: '', authority: '', officer: '', cameras: '', slots: '', copy: false });
    }
  };
  const field = (k: 'number' | 'authority' | 'officer' | 'cameras' | 'slots', label: string) => (
    <label>
      {label}
      <input
        data-testid={`req-${k}`}
        value={f[k]}
        onChange={(e) => setF({ ...f, [k]: e.target.value })}
        required
      />
    </label>
  );
  return (
    <form className="requisition" onSubmit={(e) => void submit(e)} data-testid="requisition-form">
      <h3>{t('reg.requisition')}</h3>
      {field('number', t('req.number'))}
      {field('authority', t('req.authority'))}
      {field('officer', t('req.officer'))}
      {field('cameras', t('req.cameras'))}
      {field('slots', t('req.slots'))}
      <label>
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
      {done && (
        <span className="notice" data-testid="req-done">
          {done}
        </span>
      )}
    </form>
  );
}
