/**
 * Nothing ends silently: each operation past its planned end asks, on every console with the
 * `operations` right, to be closed or extended, and stays overdue until someone does.
 */
import { useEffect, useState } from 'react';
import type { OperationView } from '../../../common/contract';
import { formatTime } from '../../i18n';
import { selectors, useConsole, useT } from '../../console/console-store';
import { confirmClose } from './OperationsPanel';

function DuePrompt({ op }: { op: OperationView }) {
  const t = useT();
  const locale = useConsole(selectors.locale);
  const { extendOperation } = useConsole.getState();
  const [minutes, setMinutes] = useState('60');
  return (
    <div
      className="operation-due"
      role="alertdialog"
      aria-labelledby={`operation-due-${op.id}-title`}
      data-testid={`operation-due-${op.id}`}
      data-surface="operation-due"
    >
      <p id={`operation-due-${op.id}-title`}>
        {t('operations.dueTitle', { name: op.name, end: formatTime(locale, Date.parse(op.plannedEnd)) })}
      </p>
      <button
        type="button"
        className="danger"
        data-testid="operation-close"
        onClick={() => void confirmClose(op)}
      >
        {t('operations.close')}
      </button>
      <button
        type="button"
        data-testid="operation-extend"
        onClick={() => void extendOperation(op.id, Math.max(1, Number(minutes) || 60))}
      >
        {t('operations.extend')}
      </button>
      <label>
        {t('operations.extendMinutes')}{' '}
        <input
          type="number"
          min={1}
          max={44640}
          data-testid="operation-extend-minutes"
          value={minutes}
          onChange={(e) => setMinutes(e.target.value)}
        />
      </label>
    </div>
  );
}

export function OperationPrompts() {
  const due = useConsole((s) => s.operations);
  const { loadOperations } = useConsole.getState();
  useEffect(() => {
    void loadOperations();
  }, [loadOperations]);
  const overdue = due.filter((o) => o.state === 'due');
  if (overdue.length === 0) return null;
  return (
    <div className="operation-prompts" data-testid="operation-prompts">
      {overdue.map((op) => (
        <DuePrompt key={op.id} op={op} />
      ))}
    </div>
  );
}
