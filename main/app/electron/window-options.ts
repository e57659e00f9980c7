/**
 * The console window's policies as data (no electron import), so that they are unit-tested:
 * navigation and new windows denied, a session kept off disk.
 */
import { APP_ORIGIN, isAppUrl } from './sender-check';

export const CONSOLE_URL = `${APP_ORIGIN}/index.html`;

/** No "persist:" prefix: nothing of the session is kept on disk. */
export const CONSOLE_PARTITION = 'vigie-console';

/** The page may only move within the app's own origin. */
export function navigationAllowed(url: string): boolean {
  return isAppUrl(url) && url.startsWith(`${APP_ORIGIN}/`);
}

/** No window is ever opened from the page (window.open, target=_blank, middle-click). */
export const denyWindowOpen = (): { action: 'deny' } => ({ action: 'deny' });
