/**
 * The technician's panel for the post's input devices: dead zone, response curve, axis
 * inversion and button mapping. Main validates and saves them in the data directory; the devices re-open with them.
 */
import { useEffect, useState, type FormEvent } from 'react';
import type { PtzInputSettings } from '../../../common/contract';
import { useConsole, useT } from '../../console/console-store';
import { PanelFrame } from '../shell/PanelFrame';
import { ButtonMapping } from './ButtonMapping';
import { LiveInput } from './LiveInput';

const AXES = ['pan', 'tilt', 'zoom'] as const;

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
          <label>
            {t('input.deadZone')}
            <input
              type="number"
              data-testid="input-dead-zone"
              min={0}
              max={50}
              step={1}
              value={Math.round(f.deadZone * 100)}
              onChange={(e) => setF({ ...f, deadZone: Number(e.target.value) / 100 })}
            />
          </label>
          <label>
            {t('input.expo')}
            <input
              type="number"
              data-testid="input-expo"
              min={0}
              max={100}
              step={5}
              value={Math.round(f.expo * 100)}
              onChange={(e) => setF({ ...f, expo: Number(e.target.value) / 100 })}
            />
          </label>
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
