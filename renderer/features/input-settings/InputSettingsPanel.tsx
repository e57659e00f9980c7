/**
 * The technician's panel for the post's input devices: dead zone, response curve and axis
 * inversion. Main validates and saves them in the data directory; the devices re-open with them.
 */
import { useEffect, useState, type FormEvent } from 'react';
import type { PtzInputSettings } from '../../../common/contract-ptz';
import { useConsole, useT } from '../../console/console-store';

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
    if (f) setDone(await saveInputSettings(f));
  };
  return (
    <div className="modal-backdrop">
      <div className="modal" role="dialog" aria-modal="true" data-testid="input-settings-panel">
        <h2>{t('input.title')}</h2>
        {f && (
          <form className="filters" onSubmit={(e) => void submit(e)}>
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
            <button className="primary" type="submit" data-testid="input-save">
              {t('input.save')}
            </button>
          </form>
        )}
        {done && (
          <p className="notice" data-testid="input-saved">
            {t('input.saved')}
          </p>
        )}
        <div className="actions">
          <button data-testid="panel-close" onClick={() => setPanel('none')}>
            {t('input.close')}
          </button>
        </div>
      </div>
    </div>
  );
}
