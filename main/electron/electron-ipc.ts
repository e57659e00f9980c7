/** The only module that touches ipcMain: every channel goes through safeHandle, then the router. */
import { ipcMain, type WebContents } from 'electron';
import type { EventName } from '../../common/contract';
import type { EventHub, Router } from '../ipc/router';
import { handleAll } from './safe-handle';
import { electronClientId } from './sender-check';

/** Whether a push may reach a client (AuthService.mayReceive: EVENT_ACCESS, or addressed to it). */
export type PushFilter = (clientId: string, event: EventName, target: string | null) => boolean;

export function bindElectronIpc(
  router: Router,
  events: EventHub,
  windows: () => WebContents[],
  mayReceive: PushFilter,
): void {
  handleAll(ipcMain, router);
  events.add((event, payload, target) => {
    for (const wc of windows())
      if (!wc.isDestroyed() && mayReceive(electronClientId(wc.id), event, target)) wc.send(event, payload);
  });
}
