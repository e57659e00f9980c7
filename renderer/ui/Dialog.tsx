import { useEffect, useId, useRef, type ReactNode } from 'react';

interface Props {
  title: string;
  testid: string;
  /** The `data-surface` a refusal made from inside it is shown in. */
  surface: string;
  className?: string;
  role?: 'dialog' | 'alertdialog';
  children: ReactNode;
}

/**
 * A modal dialog over the console (a confirmation, the shortcuts, an import's differences): it takes
 * the focus when it opens and gives it back when it closes; Escape closes it (console/keyboard.ts).
 */
export function Dialog({ title, testid, surface, className, role = 'dialog', children }: Props) {
  const id = `dialog-${useId().replace(/:/g, '')}`;
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const first = box.current?.querySelector<HTMLElement>(
      '[data-autofocus], button, input, select, textarea',
    );
    (first ?? box.current)?.focus();
    return () => before?.focus();
  }, []);
  return (
    <div className="modal-backdrop">
      <div
        ref={box}
        className={`modal${className ? ` ${className}` : ''}`}
        role={role}
        aria-modal="true"
        aria-labelledby={id}
        tabIndex={-1}
        data-testid={testid}
        data-surface={surface}
      >
        <h2 id={id}>{title}</h2>
        {children}
      </div>
    </div>
  );
}
