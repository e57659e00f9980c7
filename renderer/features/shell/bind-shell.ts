/**
 * The shell's window-wide bindings: which part of the console the operator last acted in (so that a
 * refusal shows in that dialog or pane, never in a banner behind it), and the order in which panes
 * were opened (so that Escape closes the last one first).
 */
import { useConsole } from '../../console/console-store';
import { LIVE_PANES, type Layer } from './workspace';

let lastSurface = 'console';
const order: Layer[] = [];

/** Panes in the order they were opened, oldest first. */
export function layerOrder(): readonly Layer[] {
  return order;
}

/** The `data-surface` of the dialog or pane an element sits in; `console` outside any. */
export function surfaceOf(target: EventTarget | null): string {
  const el = target instanceof Element ? target : null;
  return el?.closest('[data-surface]')?.getAttribute('data-surface') ?? 'console';
}

function isOpen(surface: string): boolean {
  return surface !== 'console' && document.querySelector(`[data-surface="${CSS.escape(surface)}"]`) !== null;
}

function track(layer: Layer, open: boolean, wasOpen: boolean): void {
  if (open === wasOpen) return;
  const i = order.indexOf(layer);
  if (i >= 0) order.splice(i, 1);
  if (open) order.push(layer);
}

export function bindShell(): void {
  for (const type of ['pointerdown', 'keydown', 'focusin', 'drop'])
    window.addEventListener(type, (e) => (lastSurface = surfaceOf(e.target)), { capture: true });
  useConsole.subscribe((s, prev) => {
    track('wall', s.wallOpen, prev.wallOpen);
    track('incident-form', s.incidentFormOpen, prev.incidentFormOpen);
    // Another live pane replaces the one open: it is the newest.
    if (s.panel !== prev.panel) {
      track('pane', false, true);
      track('pane', LIVE_PANES.includes(s.panel), false);
    }
    if (s.error && s.error !== prev.error) {
      const where = isOpen(lastSurface) ? lastSurface : 'console';
      if (s.errorWhere !== where) s.setErrorWhere(where);
    } else if (!s.error && prev.error && s.errorWhere !== null) s.setErrorWhere(null);
    // A success where the operator acts clears the refusal shown there: never both at once.
    if (s.notice && s.notice !== prev.notice && s.error && s.errorWhere === lastSurface) s.setError(null);
  });
}
