/** Console window with the secure defaults of window-options.ts; content protection because nothing may be recorded. */
import path from 'node:path';
import { BrowserWindow, session } from 'electron';
import {
  CONSOLE_URL,
  CONSOLE_WINDOW,
  consoleWebPreferences,
  denyWindowOpen,
  navigationAllowed,
  withCsp,
} from './window-options';

export function hardenSession(partition: string): Electron.Session {
  const ses = session.fromPartition(partition);
  ses.setPermissionRequestHandler((_wc, _perm, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDisplayMediaRequestHandler((_req, callback) => callback({}));
  ses.on('will-download', (e) => e.preventDefault());
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withCsp(details.responseHeaders) });
  });
  return ses;
}

export function createConsoleWindow(ses: Electron.Session, devTools: boolean): BrowserWindow {
  const win = new BrowserWindow({
    ...CONSOLE_WINDOW,
    webPreferences: { ...consoleWebPreferences(path.join(__dirname, 'preload.js'), devTools), session: ses },
  });
  win.setContentProtection(true);
  win.webContents.setWindowOpenHandler(denyWindowOpen);
  win.webContents.on('will-navigate', (e, url) => {
    if (!navigationAllowed(url)) e.preventDefault();
  });
  win.webContents.on('will-frame-navigate', (e) => {
    if (!navigationAllowed(e.url)) e.preventDefault();
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(CONSOLE_URL);
  return win;
}
