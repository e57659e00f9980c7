import type { ReactNode } from 'react';
import { useT } from '../../console/console-store';
import { ErrorBoundary } from '../../ui/ErrorBoundary';

interface Props {
  /** Names the part in `data-panel` (e.g. `incidents`, `mosaic`). */
  name: string;
  /** A dialog over the console, a pane beside the mosaic, or a part of the frame. */
  kind: 'modal' | 'pane' | 'inline';
  /** How the operator dismisses the failed part (the panel's own close); none for fixed parts. */
  onClose?: () => void;
  children: ReactNode;
}

function PanelFailed({ name, kind, onClose, retry }: Omit<Props, 'children'> & { retry(): void }) {
  const t = useT();
  const body = (
    <div className={`panel-error ${kind}`} role="alert" data-testid="panel-error" data-panel={name}>
      <p>{t('panel.failed')}</p>
      <div className="actions">
        <button data-testid="panel-error-retry" onClick={retry}>
          {t('panel.retry')}
        </button>
        {onClose && (
          <button data-testid="panel-error-close" onClick={onClose}>
            {t('panel.close')}
          </button>
        )}
      </div>
    </div>
  );
  if (kind !== 'modal') return body;
  return (
    <div className="modal-backdrop">
      <div className="modal" role="dialog" aria-modal="true">
        {body}
      </div>
    </div>
  );
}

/** One panel or pane of the console: if it throws, it says so in its place and the rest plays on. */
export function PanelBoundary({ children, ...props }: Props) {
  return (
    <ErrorBoundary fallback={(_error, retry) => <PanelFailed {...props} retry={retry} />}>
      {children}
    </ErrorBoundary>
  );
}
