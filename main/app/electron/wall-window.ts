/**
 * The Electron wall window: frameless, full screen on the display the technician chose (see
 * main/wall/screen-choice.ts), protected from capture unless the technician turned that off for
 * a wall fed through a capture module. It loads the wall page with the wall key, like a kiosk.
 */
import type { BrowserWindow as ElectronWindow, Screen, Session } from 'electron';
import type { WallDisplayInfo, WallScreen, WallWindowPort } from '../../video/wall/screen-choice';
import { createSecureWindow } from './window';

export function createWallWindow(
  BrowserWindow: typeof ElectronWindow,
  ses: Session,
  url: string,
  contentProtection: boolean,
): ElectronWindow {
  const win = createSecureWindow(BrowserWindow, ses, false, {
    show: false,
    frame: false,
    fullscreenable: true,
    autoHideMenuBar: true,
    backgroundColor: '#000000',
    title: 'Vigie — mur',
  });
  win.setContentProtection(contentProtection);
  void win.loadURL(url);
  return win;
}

/** Electron's `screen`, as the small interface the wall's display choice is tested against. */
export function electronWallScreen(screen: Screen): WallScreen {
  const info = (d: Electron.Display): WallDisplayInfo => ({
    id: String(d.id),
    name: d.label,
    bounds: d.bounds,
  });
  return {
    displays: () => screen.getAllDisplays().map(info),
    primaryId: () => String(screen.getPrimaryDisplay().id),
    onChange: (l) => {
      const events = ['display-added', 'display-removed', 'display-metrics-changed'] as const;
      for (const e of events) screen.on(e as 'display-added', l);
      return () => {
        for (const e of events) screen.removeListener(e as 'display-added', l);
      };
    },
  };
}

/** Places the wall window full screen on a display's bounds, or hides it. */
export function wallWindowPort(win: ElectronWindow): WallWindowPort {
  return {
    place: (bounds) => {
      if (win.isDestroyed()) return;
      win.setFullScreen(false);
      win.setBounds(bounds);
      win.setFullScreen(true);
      win.showInactive();
    },
    hide: () => {
      if (!win.isDestroyed()) win.hide();
    },
  };
}
