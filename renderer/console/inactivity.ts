/**
 * Locks the console after the configured inactivity; wall streams are not affected. Main keeps
 * its own clock too: user input is pinged to it (throttled), and any invoke counts as activity.
 */
import { useConsole } from './console-store';

export function bindInactivityLock(): void {
  let last = Date.now();
  const touch = (): void => {
    last = Date.now();
    useConsole.getState().pingActivity();
  };
  // 'input' too: pasting or autofilling a form is activity, though no key is pressed.
  for (const ev of ['pointerdown', 'pointermove', 'keydown', 'wheel', 'input'])
    window.addEventListener(ev, touch, { passive: true });
  setInterval(() => {
    const s = useConsole.getState().session;
    if (s && !s.locked && Date.now() - last > s.lockAfterSeconds * 1000)
      void useConsole.getState().lock('inactivity');
  }, 1000);
}
