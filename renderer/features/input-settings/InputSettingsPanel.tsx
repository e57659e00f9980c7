/**
 * The technician's panel for the post's input devices: dead zone, response curve, axis
 * inversion and button mapping. Main validates and saves them in the data directory; the devices re-open with them.
 */
import { useEffect, useState, type FormEvent } from 'react';
import type { PtzInputSettings } from '../../../common/contract';
import { useConsole, useT } from '../../console/console-store';
import { NumberField } from '../../ui/form';
import { PanelFrame } from '../shell/PanelFrame';
import { ButtonMapping } from './ButtonMapping';
import { LiveInput } from './LiveInput';

const AXES = ['pan', 'tilt', 'zoom'] as const;
/** The shares typed as percentages: the dead zone and the response curve. */
const SHARES = [
  { key: 'deadZone', label: 'input.deadZone', testid: 'input-dead-zone', max: 50, step: 1 },
  { key: 'expo', label: 'input.expo', testid: 'input-expo', max: 100, step: 5 },
] as const;

export function InputSettingsPanel() {
  const t = useT();
  const { setPanel, loadInputSettings, saveInputSettings } = useConsole.getState();
  const saved = useConsole((s) => s.inputSettings);
  const [f, setF] = useState<PtzInputSettings | null>(null);
  const [done, setDone] = useState(false);
  useEffect(() => {
    void loadInputSettings();
  }, [loadInputSettings]);
  useEffect(() => setF(saved), [saved]);
  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    if (!f) return;
    const ok = await saveInputSettings(f);
    if (ok) useConsole.getState().clearErrorIn('input-settings');
    setDone(ok);
  };
  return (
    <PanelFrame
      testid="input-settings-panel"
      surface="input-settings"
      title={t('input.title')}
      onClose={() => setPanel('none')}
    >
      {f && (
        <form className="filters" noValidate onSubmit={(e) => void submit(e)}>
          {SHARES.map((p) => (
            <NumberField
              key={p.key}
              label={t(p.label)}
              testid={p.testid}
              min={0}
              max={p.max}
              step={p.step}
              value={Math.round(f[p.key] * 100)}
              onChange={(v) => setF({ ...f, [p.key]: Number(v) / 100 })}
            />
          ))}
          {AXES.map((a) => (
            <label key={a}>
              <input
                type="checkbox"
                data-testid={`input-invert-${a}`}
                checked={f.invert[a]}
                onChange={(e) => setF({ ...f, invert: { ...f.invert, [a]: e.target.checked } })}
              />
              {t(`input.invert.${a}`)}
            </label>
          ))}
          <ButtonMapping value={f.buttons} onChange={(buttons) => setF({ ...f, buttons })} />
          <button className="primary" type="submit" data-testid="input-save">
            {t('input.save')}
          </button>
        </form>
      )}
      <LiveInput />
      {done && (
        <p className="notice" role="status" data-testid="input-saved">
          {t('input.saved')}
        </p>
      )}
    </PanelFrame>
  );
}
