/** The technician's wall settings: its display, and content protection with its trade-off. */
import { useConsole, useT } from '../../console/console-store';

export function WallSettingsForm() {
  const t = useT();
  const s = useConsole((st) => st.wallSettings);
  const { saveWallSettings } = useConsole.getState();
  if (!s) return null;
  return (
    <div className="wall-settings" data-testid="wall-settings">
      <h3>{t('wall.settings')}</h3>
      <label>
        {t('wall.display')}
        <select
          data-testid="wall-display"
          value={s.display ?? ''}
          onChange={(e) =>
            void saveWallSettings({ display: e.target.value || null, contentProtection: s.contentProtection })
          }
        >
          <option value="">{t('wall.displayAuto')}</option>
          {s.display && !s.displays.some((d) => d.id === s.display || d.name === s.display) && (
            <option value={s.display}>{t('wall.displayAbsent', { display: s.display })}</option>
          )}
          {s.displays.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name || d.id}
            </option>
          ))}
        </select>
      </label>
      <label className="check">
        <input
          type="checkbox"
          data-testid="wall-content-protection"
          checked={s.contentProtection}
          onChange={(e) => void saveWallSettings({ display: s.display, contentProtection: e.target.checked })}
        />
        {t('wall.contentProtection')}
      </label>
      <p className="muted" data-testid="wall-content-protection-hint">
        {t('wall.contentProtectionHint')}
      </p>
    </div>
  );
}
