import type { ReactNode } from 'react';
import { useConsole, useT } from '../../console/console-store';

interface Props {
  /** The dialog's test id (e.g. `registry-panel`). */
  testid: string;
  title: string;
  children: ReactNode;
}

/** A wide side panel of the console: backdrop, dialog, title, content, and its close button. */
export function PanelFrame({ testid, title, children }: Props) {
  const t = useT();
  const setPanel = useConsole((s) => s.setPanel);
  return (
    <div className="modal-backdrop">
      <div className="modal wide" role="dialog" aria-modal="true" data-testid={testid}>
        <h2>{title}</h2>
        {children}
        <div className="actions">
          <button data-testid="panel-close" onClick={() => setPanel('none')}>
            {t('panel.close')}
          </button>
        </div>
      </div>
    </div>
  );
}
