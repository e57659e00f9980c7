/**
 * Special operations (article 3): the list with each operation's state, and the form that starts
 * one. Main validates everything; its refusal shows here in the operator's language.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { OPERATION_KINDS, type OperationKind, type OperationView } from '../../../common/contract';
import { formatDateTime, parseDayTime } from '../../../common/format';
import type { AppError } from '../../../common/result';
import type { MessageKey } from '../../i18n';
import { errorText } from '../../i18n/messages';
import { selectors, useConsole, useT } from '../../console/console-store';
import { DateTimeEcho, DateTimeInput, Field, Options } from '../../ui/form';
import { localInput } from '../../ui/local-input';
import { PanelFrame } from '../shell/PanelFrame';
import { TableHead } from '../../ui/TableHead';

/** A date and time typed in the console's fields, as ISO; an unreadable one goes as typed and main refuses it. */
const toIso = (v: string): string => {
  const t = parseDayTime(v);
  return t === null ? v.slice(0, 40) : new Date(t).toISOString();
};

/** Closing an operation ends it for everyone: the supervisor confirms first. */
export async function confirmClose(op: OperationView): Promise<void> {
  const s = useConsole.getState();
  const yes = await s.askConfirm({
    title: { key: 'operations.confirmTitle', params: { name: op.name } },
    body: { key: 'operations.confirmBody', params: { name: op.name } },
    ok: 'operations.close',
  });
  if (yes) await useConsole.getState().closeOperation(op.id);
}

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
  const { showOperation } = useConsole.getState();
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
        {t('operations.until', { end: formatDateTime(end, { locale, seconds: false }) })}
      </td>
      <td>
        {active && (
          <button
            type="button"
            data-testid={`operation-show-${op.id}`}
            onClick={() => void showOperation(op.id)}
          >
            {t('operations.show')}
          </button>
        )}
        {op.state !== 'closed' && (
          <button
            type="button"
            className="danger"
            data-testid={`operation-close-${op.id}`}
            onClick={() => void confirmClose(op)}
          >
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
  // Required as main requires them (its own refusal names anything else, in the operator's language).
  const text = (k: 'name' | 'requester' | 'legalRef' | 'cameras', id: string, label: MessageKey) => (
    <Field label={t(label)} required>
      <input
        data-testid={id}
        value={f[k]}
        aria-required="true"
        onChange={(e) => setF({ ...f, [k]: e.target.value })}
      />
    </Field>
  );
  const time = (k: 'startAt' | 'plannedEnd', id: string, label: MessageKey) => (
    <Field label={t(label)} required hint={<DateTimeEcho value={f[k]} />}>
      <DateTimeInput testid={id} value={f[k]} onChange={(v) => setF({ ...f, [k]: v })} />
    </Field>
  );
  return (
    <PanelFrame testid="operations-panel" title={t('operations.title')}>
      {operations.length === 0 ? (
        <p className="muted">{t('operations.empty')}</p>
      ) : (
        <table className="operations">
          <TableHead
            columns={[
              'operations.name',
              'operations.kind',
              'operations.requester',
              'operations.legalRef',
              'operations.cameras',
              'operations.preset',
              'operations.state',
              'operations.actions',
            ]}
          />
          <tbody>
            {operations.map((op) => (
              <Row key={op.id} op={op} />
            ))}
          </tbody>
        </table>
      )}
      <form className="filters" data-testid="operation-new" noValidate onSubmit={(e) => void submit(e)}>
        <h3>{t('operations.new')}</h3>
        {text('name', 'operation-name', 'operations.name')}
        <Field label={t('operations.kind')} required>
          <select
            data-testid="operation-kind"
            value={f.kind}
            onChange={(e) => setF({ ...f, kind: e.target.value as OperationKind })}
          >
            <Options values={OPERATION_KINDS} prefix="operations.kind" />
          </select>
        </Field>
        {text('requester', 'operation-requester', 'operations.requester')}
        {text('legalRef', 'operation-legal-ref', 'operations.legalRef')}
        {text('cameras', 'operation-cameras', 'operations.cameras')}
        <Field label={t('operations.preset')}>
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
        </Field>
        {time('startAt', 'operation-start-at', 'operations.startAt')}
        {time('plannedEnd', 'operation-end-at', 'operations.endAt')}
        <button type="submit" className="primary" data-testid="operation-submit">
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
