/**
 * Special operations (article 3): the list with each operation's state, and the form that starts
 * one. Main validates everything; its refusal shows here in the operator's language.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { OPERATION_KINDS, type OperationKind, type OperationView } from '../../../common/contract-operations';
import type { AppError } from '../../../common/result';
import { formatDate, formatTime, type MessageKey } from '../../i18n';
import { errorText } from '../../i18n/messages';
import { selectors, useConsole, useT } from '../../console/console-store';
import { localInput } from '../../ui/local-input';
import { PanelFrame } from '../shell/PanelFrame';

/** A datetime-local value as ISO; an unreadable one goes as typed and main refuses it. */
const toIso = (v: string): string => {
  const t = new Date(v).getTime();
  return Number.isNaN(t) ? v.slice(0, 40) : new Date(t).toISOString();
};

const blank = () => ({
  name: '',
  kind: 'suspect' as OperationKind,
  requester: '',
  legalRef: '',
  cameras: '',
  preset: '',
  startAt: localInput(Date.now()),
  plannedEnd: localInput(Date.now() + 2 * 3_600_000),
});

function Row({ op }: { op: OperationView }) {
  const t = useT();
  const locale = useConsole(selectors.locale);
  const { showOperation, closeOperation } = useConsole.getState();
  const end = Date.parse(op.plannedEnd);
  const active = op.state === 'running' || op.state === 'due';
  return (
    <tr data-testid={`operation-row-${op.id}`} data-state={op.state} className={`op-${op.state}`}>
      <td>{op.name}</td>
      <td>{t(`operations.kind.${op.kind}` as MessageKey)}</td>
      <td>{op.requester}</td>
      <td>{op.legalRef}</td>
      <td>{op.cameras.join(', ')}</td>
      <td>{op.preset ?? ''}</td>
      <td>
        {t(`operations.state.${op.state}` as MessageKey)}{' '}
        {t('operations.until', { end: `${formatDate(locale, end)} ${formatTime(locale, end)}` })}
      </td>
      <td>
        {active && (
          <button data-testid={`operation-show-${op.id}`} onClick={() => void showOperation(op.id)}>
            {t('operations.show')}
          </button>
        )}
        {op.state !== 'closed' && (
          <button data-testid={`operation-close-${op.id}`} onClick={() => void closeOperation(op.id)}>
            {t('operations.close')}
          </button>
        )}
      </td>
    </tr>
  );
}

export function OperationsPanel() {
  const t = useT();
  const locale = useConsole(selectors.locale);
  const operations = useConsole((s) => s.operations);
  const presets = useConsole((s) => s.wall?.presets);
  const canWall = useConsole((s) => s.session?.permissions.includes('wall') ?? false);
  const { createOperation, loadOperations, loadWall } = useConsole.getState();
  const [f, setF] = useState(blank);
  const [error, setError] = useState<AppError | null>(null);
  useEffect(() => {
    void loadOperations();
    if (canWall) void loadWall();
  }, [canWall, loadOperations, loadWall]);

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    const r = await createOperation({
      name: f.name,
      kind: f.kind,
      requester: f.requester,
      legalRef: f.legalRef,
      cameras: f.cameras
        .split(/[\s,;]+/)
        .filter(Boolean)
        .map(Number),
      preset: f.preset || null,
      startAt: toIso(f.startAt),
      plannedEnd: toIso(f.plannedEnd),
    });
    setError(r);
    if (!r) setF(blank());
  };
  const text = (k: 'name' | 'requester' | 'legalRef' | 'cameras', id: string, label: MessageKey) => (
    <label>
      {t(label)}
      <input data-testid={id} value={f[k]} onChange={(e) => setF({ ...f, [k]: e.target.value })} />
    </label>
  );
  const time = (k: 'startAt' | 'plannedEnd', id: string, label: MessageKey) => (
    <label>
      {t(label)}
      <input
        type="datetime-local"
        step={1}
        data-testid={id}
        value={f[k]}
        onChange={(e) => setF({ ...f, [k]: e.target.value })}
      />
    </label>
  );
  return (
    <PanelFrame testid="operations-panel" title={t('operations.title')}>
      {operations.length === 0 ? (
        <p className="muted">{t('operations.empty')}</p>
      ) : (
        <table className="operations">
          <tbody>
            {operations.map((op) => (
              <Row key={op.id} op={op} />
            ))}
          </tbody>
        </table>
      )}
      <form className="filters" data-testid="operation-new" onSubmit={(e) => void submit(e)}>
        <h3>{t('operations.new')}</h3>
        {text('name', 'operation-name', 'operations.name')}
        <label>
          {t('operations.kind')}
          <select
            data-testid="operation-kind"
            value={f.kind}
            onChange={(e) => setF({ ...f, kind: e.target.value as OperationKind })}
          >
            {OPERATION_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`operations.kind.${k}` as MessageKey)}
              </option>
            ))}
          </select>
        </label>
        {text('requester', 'operation-requester', 'operations.requester')}
        {text('legalRef', 'operation-legal-ref', 'operations.legalRef')}
        {text('cameras', 'operation-cameras', 'operations.cameras')}
        <label>
          {t('operations.preset')}
          <select
            data-testid="operation-preset"
            value={f.preset}
            onChange={(e) => setF({ ...f, preset: e.target.value })}
          >
            <option value="">{t('operations.presetNone')}</option>
            {(presets ?? []).map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        </label>
        {time('startAt', 'operation-start-at', 'operations.startAt')}
        {time('plannedEnd', 'operation-end-at', 'operations.endAt')}
        <button type="submit" data-testid="operation-submit">
          {t('operations.submit')}
        </button>
      </form>
      {error && (
        <p className="bad" role="alert" data-testid="operation-error" data-code={error.code}>
          {errorText(locale, error)}
        </p>
      )}
    </PanelFrame>
  );
}
