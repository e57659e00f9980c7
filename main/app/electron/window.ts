/**
 * Console window with the secure defaults; content protection because nothing may be recorded.
 * Electron is passed in (types only here), so window.test.ts checks the very options and handlers.
 */
import path from 'node:path';
import type { BrowserWindow as ElectronWindow, Session, WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../browser-host/csp';
import { CONSOLE_URL, denyWindowOpen, navigationAllowed } from './window-options';

export function hardenSession(ses: Session): Session {
  ses.setPermissionRequestHandler((_wc, _perm, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDisplayMediaRequestHandler((_req, callback) => callback({}));
  ses.on('will-download', (e) => e.preventDefault());
  ses.webRequest.onHeadersReceived((details, callback) => {
    // Any CSP the response brought is dropped: ours is the only one.
    const kept = Object.fromEntries(
      Object.entries(details.responseHeaders ?? {}).filter(
        ([k]) => k.toLowerCase() !== 'content-security-policy',
      ),
    );
    callback({ responseHeaders: { ...kept, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  return ses;
}

/** Every window of the app: no new window, no navigation away from the app's own pages. */
export function guardNavigation(wc: WebContents): void {
  wc.setWindowOpenHandler(denyWindowOpen);
  wc.on('will-navigate', (e, url) => {
    if (!navigationAllowed(url)) e.preventDefault();
  });
  wc.on('will-frame-navigate', (e) => {
    if (!navigationAllowed(e.url)) e.preventDefault();
  });
}

/** What differs between the app's windows; the web preferences never do. */
export type WindowOptions = Omit<Electron.BrowserWindowConstructorOptions, 'webPreferences'>;

/**
 * Every window of the app (the console, the wall) is opened here, with the one web-preferences
 * literal: the preload, the partition's session and DevTools are the only things a window chooses.
 * The parameter keeps Electron's name so that electronegativity reads this very constructor call.
 */
export function createSecureWindow(
  BrowserWindow: typeof ElectronWindow,
  ses: Session,
  devTools: boolean,
  options: WindowOptions,
): ElectronWindow {
  const win = new BrowserWindow({
    ...options,
    webPreferences: {
      preload: path.join(__dirname, 'preload.js'),
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
      session: ses,
    },
  });
  guardNavigation(win.webContents);
  return win;
}

export function createConsoleWindow(
  BrowserWindow: typeof ElectronWindow,
  ses: Session,
  devTools: boolean,
): ElectronWindow {
  const win = createSecureWindow(BrowserWindow, ses, devTools, {
    width: 1600,
    height: 900,
    show: false,
    backgroundColor: '#0d1117',
    title: 'Vigie',
  });
  win.setContentProtection(true);
  win.once('ready-to-show', () => win.show());
  void win.loadURL(CONSOLE_URL);
  return win;
}
