/** Console window with the secure defaults; content protection because nothing may be recorded. */
import path from 'node:path';
import { BrowserWindow, session } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../host/csp';
import { APP_ORIGIN } from './electron-ipc';

export function hardenSession(partition: string): Electron.Session {
  const ses = session.fromPartition(partition); // no "persist:" prefix: nothing kept on disk
  ses.setPermissionRequestHandler((_wc, _perm, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDisplayMediaRequestHandler((_req, callback) => callback({}));
  ses.on('will-download', (e) => e.preventDefault());
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
  });
  return ses;
}

export function createConsoleWindow(ses: Electron.Session, devTools: boolean): BrowserWindow {
  const win = new BrowserWindow({
    width: 1600,
    height: 900,
    show: false,
    backgroundColor: '#0d1117',
    title: 'Vigie',
    webPreferences: {
      preload: path.join(__dirname, 'preload.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      devTools,
      spellcheck: false,
      // Middle-click must not open windows either.
      disableBlinkFeatures: 'Auxclick',
      session: ses,
    },
  });
  win.setContentProtection(true);
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  win.webContents.on('will-navigate', (e, url) => {
    if (!url.startsWith(`${APP_ORIGIN}/`)) e.preventDefault();
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(`${APP_ORIGIN}/index.html`);
  return win;
}
