/**
 * The device buttons' mapping, edited with the post's other input settings: a button (its number as
 * printed on the joystick or keyboard) recalls a camera preset or a wall preset, calls a camera onto
 * the selected tile, steps through cameras, or stops the camera. Main validates it on save.
 */
import { useState } from 'react';
import type { PtzInputSettings } from '../../../common/contract';
import type { MessageKey } from '../../i18n';
import { useT } from '../../console/console-store';
import { NumberField, useWhyId, Why, WhyButton, Options } from '../../ui/form';

type Mapping = PtzInputSettings['buttons'];
type Action = Mapping[string]['action'];
const ACTIONS: readonly Action[] = [
  'preset',
  'wall-preset',
  'call-camera',
  'next-camera',
  'previous-camera',
  'stop',
];

/** The action with its number (1 when it needs one and has none yet). */
function withAction(action: Action, n: number): Mapping[string] {
  if (action === 'preset' || action === 'wall-preset') return { action, preset: n };
  if (action === 'call-camera') return { action, camera: n };
  return { action };
}
const numberOf = (m: Mapping[string]): number | null =>
  'preset' in m ? m.preset : 'camera' in m ? m.camera : null;

export function ButtonMapping({ value, onChange }: { value: Mapping; onChange(m: Mapping): void }) {
  const t = useT();
  const [next, setNext] = useState('');
  const buttons = Object.keys(value).sort((a, b) => Number(a) - Number(b));
  const set = (b: string, m: Mapping[string] | null): void => {
    const copy = { ...value };
    if (m) copy[b] = m;
    else delete copy[b];
    onChange(copy);
  };
  const whyId = useWhyId();
  const why: MessageKey | null =
    next in value ? 'input.buttons.taken' : /^[1-9][0-9]{0,2}$/.test(next) ? null : 'input.buttons.invalid';
  return (
    <fieldset className="button-mapping" data-testid="input-buttons">
      <legend>{t('input.buttons')}</legend>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('input.buttons.button')}</th>
            <th scope="col">{t('input.buttons.action')}</th>
            <th scope="col">{t('input.buttons.number')}</th>
            <th scope="col">
              <span className="sr-only">{t('input.buttons.remove')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {buttons.map((b) => {
            const m = value[b]!;
            const n = numberOf(m);
            return (
              <tr key={b} data-button={b}>
                <td>{b}</td>
                <td>
                  <select
                    data-testid={`input-button-${b}-action`}
                    aria-label={t('input.buttons.actionOf', { button: b })}
                    value={m.action}
                    onChange={(e) => set(b, withAction(e.target.value as Action, n ?? 1))}
                  >
                    <Options values={ACTIONS} prefix="input.action" />
                  </select>
                </td>
                <td>
                  {n !== null && (
                    <input
                      type="number"
                      data-testid={`input-button-${b}-number`}
                      aria-label={t('input.buttons.numberOf', { button: b })}
                      min={1}
                      max={m.action === 'call-camera' ? 9999 : 255}
                      value={n}
                      onChange={(e) => set(b, withAction(m.action, Math.trunc(Number(e.target.value))))}
                    />
                  )}
                </td>
                <td>
                  <button type="button" data-testid={`input-button-${b}-remove`} onClick={() => set(b, null)}>
                    {t('input.buttons.remove')}
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <NumberField
        label={t('input.buttons.new')}
        testid="input-button-new"
        min={1}
        max={999}
        value={next}
        onChange={setNext}
      />
      <WhyButton
        testid="input-button-add"
        off={why !== null}
        whyId={whyId}
        onClick={() => {
          set(next, { action: 'wall-preset', preset: 1 });
          setNext('');
        }}
      >
        {t('input.buttons.add')}
      </WhyButton>
      <Why id={whyId} reason={why} />
    </fieldset>
  );
}
