/** The only module that touches ipcMain: every channel goes through safeHandle, then the router. */
import { ipcMain, webContents, type WebContents } from 'electron';
import type { EventHub, PushFilter, Router } from '../../platform/ipc/router';
import { createLogger } from '../../platform/log/logger';
import { handleAll } from './safe-handle';
import { electronClientId } from './sender-check';

const log = createLogger('ipc-electron');

export function bindElectronIpc(
  router: Router,
  events: EventHub,
  windows: () => WebContents[],
  mayReceive: PushFilter,
  /** Forgets a client as on a disconnect (AuthService.logout(clientId, 'disconnect')). */
  forget: (clientId: string) => void,
): void {
  // Closing a window's client, as the browser host closes a socket: main forgets it, its page reloads.
  handleAll(ipcMain, router, (senderId, reason) => {
    log.warn(`window ${senderId} closed by main: ${reason}`);
    forget(electronClientId(senderId));
    webContents.fromId(senderId)?.reload();
  });
  events.add((event, payload, target) => {
    for (const wc of windows())
      if (!wc.isDestroyed() && mayReceive(electronClientId(wc.id), event, target)) wc.send(event, payload);
  });
}
