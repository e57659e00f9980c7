/**
 * Who may call main under Electron: only our own top-level page, served from the app protocol.
 * Pure (no electron import) so it is unit-tested; a frame with no URL or a malformed one is refused.
 */
export const APP_ORIGIN = 'app://vigie';

/** One client per window: its webContents id names its operator session. */
export const electronClientId = (webContentsId: number): string => `wc-${webContentsId}`;

/** The part of Electron's WebFrameMain the check reads. */
export interface SenderFrame {
  url: string;
  parent: unknown;
}

/**
 * Whether a URL belongs to the app's own origin. Node's URL gives `origin === 'null'` for a
 * non-special scheme such as app://, so scheme and host are compared instead.
 */
export function isAppUrl(url: unknown): boolean {
  if (typeof url !== 'string' || url === '') return false;
  try {
    const u = new URL(url);
    return u.protocol === 'app:' && u.host === 'vigie' && u.username === '' && u.password === '';
  } catch {
    return false;
  }
}

export function trustedSender(frame: SenderFrame | null | undefined): boolean {
  return !!frame && frame.parent === null && isAppUrl(frame.url);
}
