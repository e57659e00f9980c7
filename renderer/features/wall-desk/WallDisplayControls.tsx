/** The wall display's controls (power, inputs, scenarios), shown only when a display is configured. */
import { useConsole, useT } from '../../console/console-store';

export function WallDisplayControls() {
  const t = useT();
  const display = useConsole((s) => s.wall?.display ?? null);
  if (!display) return null;
  const send = useConsole.getState().wallDisplay;
  return (
    <section className="wall-display-controls" data-testid="wall-display-controls" data-model={display.model}>
      <h4>{t('wall.displayTitle', { label: display.label })}</h4>
      <button data-testid="wall-display-power-on" onClick={() => void send({ kind: 'power', on: true })}>
        {t('wall.displayOn')}
      </button>
      <button data-testid="wall-display-power-off" onClick={() => void send({ kind: 'power', on: false })}>
        {t('wall.displayOff')}
      </button>
      {display.inputs.map((name) => (
        <button
          key={name}
          data-testid={`wall-display-input-${name}`}
          onClick={() => void send({ kind: 'input', name })}
        >
          {t('wall.displayInput', { name })}
        </button>
      ))}
      {display.scenarios.map((name) => (
        <button
          key={name}
          data-testid={`wall-display-scenario-${name}`}
          onClick={() => void send({ kind: 'scenario', name })}
        >
          {t('wall.displayScenario', { name })}
        </button>
      ))}
    </section>
  );
}
