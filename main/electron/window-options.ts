/**
 * The console window's security as data (no electron import), so that it is unit-tested: sandbox,
 * context isolation, no Node in the page, the one CSP, navigation and new windows denied.
 */
import type { BrowserWindowConstructorOptions } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../host/csp';
import { APP_ORIGIN, isAppUrl } from './sender-check';

export const CONSOLE_URL = `${APP_ORIGIN}/index.html`;

/** No "persist:" prefix: nothing of the session is kept on disk. */
export const CONSOLE_PARTITION = 'vigie-console';

export function consoleWebPreferences(
  preload: string,
  devTools: boolean,
): NonNullable<BrowserWindowConstructorOptions['webPreferences']> {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    devTools,
    spellcheck: false,
    // Middle-click must not open windows either.
    disableBlinkFeatures: 'Auxclick',
  };
}

export const CONSOLE_WINDOW: BrowserWindowConstructorOptions = {
  width: 1600,
  height: 900,
  show: false,
  backgroundColor: '#0d1117',
  title: 'Vigie',
};

/** The page may only move within the app's own origin. */
export function navigationAllowed(url: string): boolean {
  return isAppUrl(url) && url.startsWith(`${APP_ORIGIN}/`);
}

/** No window is ever opened from the page (window.open, target=_blank, middle-click). */
export const denyWindowOpen = (): { action: 'deny' } => ({ action: 'deny' });

/** Response headers with the one CSP forced onto them. */
export function withCsp(
  headers: Record<string, string | string[]> | undefined,
): Record<string, string | string[]> {
  const kept = Object.fromEntries(
    Object.entries(headers ?? {}).filter(([k]) => k.toLowerCase() !== 'content-security-policy'),
  );
  return { ...kept, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] };
}
