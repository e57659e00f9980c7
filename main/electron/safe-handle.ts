/**
 * The one way a contract channel is registered on Electron's IPC: the sender is checked (refused
 * and logged when untrusted), then the router validates and dispatches; nothing ever throws back.
 */
import { CHANNELS, type Channel } from '../../common/contract';
import { err, type Result } from '../../common/result';
import type { Router } from '../ipc/router';
import { createLogger } from '../log/logger';
import { electronClientId, trustedSender, type SenderFrame } from './sender-check';

const log = createLogger('ipc-electron');

/** The slice of Electron's invoke event the wrapper reads. */
export interface InvokeEvent {
  senderFrame: SenderFrame | null;
  sender: { id: number };
}
/** The slice of ipcMain it needs: `handle`. */
export interface IpcRegistrar {
  handle(channel: string, listener: (e: InvokeEvent, payload: unknown) => Promise<Result<unknown>>): void;
}

export function safeHandle(
  ipc: IpcRegistrar,
  channel: Channel,
  dispatch: (payload: unknown, clientId: string) => Promise<Result<unknown>>,
): void {
  ipc.handle(channel, async (e, payload) => {
    let url = '';
    try {
      if (!trustedSender(e.senderFrame)) {
        url = String(e.senderFrame?.url ?? '');
        log.warn(`refused ${channel} from untrusted frame ${JSON.stringify(url.slice(0, 200))}`);
        return err('forbidden', { reason: 'origin' });
      }
      return await dispatch(payload, electronClientId(e.sender.id));
    } catch (error) {
      log.error(`invoke ${channel} failed`, error);
      return err('internal');
    }
  });
}

/** Registers every channel of the contract, each through `safeHandle`. */
export function handleAll(ipc: IpcRegistrar, router: Router): void {
  for (const channel of CHANNELS)
    safeHandle(ipc, channel, (payload, clientId) => router.dispatch(channel, payload, { clientId }));
}
