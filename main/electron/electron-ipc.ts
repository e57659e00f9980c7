/** The only module that touches ipcMain: every channel goes through safeHandle, then the router. */
import { ipcMain, type WebContents } from 'electron';
import type { EventName } from '../../common/contract';
import type { EventHub, Router } from '../ipc/router';
import { handleAll } from './safe-handle';

export function bindElectronIpc(router: Router, events: EventHub, windows: () => WebContents[]): void {
  handleAll(ipcMain, router);
  events.add((event: EventName, payload) => {
    for (const wc of windows()) if (!wc.isDestroyed()) wc.send(event, payload);
  });
}
