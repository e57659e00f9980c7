import { useId, type ReactNode } from 'react';
import { useConsole, useT } from '../../console/console-store';
import { ErrorNote } from './ErrorNote';

interface Props {
  /** The pane's test id (e.g. `registry-panel`). */
  testid: string;
  title: string;
  /** Its `data-surface`, where refusals of its actions show (by default its test id without `-panel`). */
  surface?: string;
  /** Its close button; by default the open panel closes. */
  onClose?: () => void;
  /** The close button's test id (`panel-close` unless the pane had its own). */
  closeTestid?: string;
  /** Other attributes for tests and styles (`data-state`…). */
  data?: Record<`data-${string}`, string>;
  className?: string;
  children: ReactNode;
}

/**
 * A pane docked beside the mosaic (never over it): its title and close button, then its own
 * refusals, then its content, which scrolls inside the pane.
 */
export function PanelFrame({
  testid,
  title,
  surface,
  onClose,
  closeTestid,
  data,
  className,
  children,
}: Props) {
  const t = useT();
  const id = `pane-${useId().replace(/:/g, '')}`;
  const where = surface ?? testid.replace(/-panel$/, '');
  return (
    <section
      className={`pane${className ? ` ${className}` : ''}`}
      aria-labelledby={id}
      data-testid={testid}
      data-surface={where}
      {...data}
    >
      <header className="pane-head">
        <h2 id={id}>{title}</h2>
        <button
          type="button"
          data-testid={closeTestid ?? 'panel-close'}
          onClick={onClose ?? (() => useConsole.getState().setPanel('none'))}
        >
          {t('panel.close')}
        </button>
      </header>
      <ErrorNote surface={where} />
      <div className="pane-body">{children}</div>
    </section>
  );
}
