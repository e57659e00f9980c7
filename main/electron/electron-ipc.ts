/** The only module that touches ipcMain: validates the sender frame, then hands off to the router. */
import { ipcMain, type WebContents, type WebFrameMain } from 'electron';
import { CHANNELS, type EventName } from '../../common/contract';
import type { EventHub, Router } from '../ipc/router';
import { err } from '../../common/result';
import { createLogger } from '../log/logger';

const log = createLogger('ipc-electron');
export const APP_ORIGIN = 'app://vigie';

/** One client per window: its webContents id names its operator session. */
export const electronClientId = (webContentsId: number): string => `wc-${webContentsId}`;

function trusted(frame: WebFrameMain | null): boolean {
  // Only our own top-level page, served from the app protocol, may call main.
  return !!frame && frame.parent === null && new URL(frame.url).origin === APP_ORIGIN;
}

export function bindElectronIpc(router: Router, events: EventHub, windows: () => WebContents[]): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, async (e, payload: unknown) => {
      if (!trusted(e.senderFrame)) {
        log.warn(`refused ${channel} from untrusted frame`);
        return err('forbidden', { reason: 'origin' });
      }
      return router.dispatch(channel, payload, { clientId: electronClientId(e.sender.id) });
    });
  }
  events.add((event: EventName, payload) => {
    for (const wc of windows()) if (!wc.isDestroyed()) wc.send(event, payload);
  });
}
