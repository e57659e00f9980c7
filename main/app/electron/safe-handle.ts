/**
 * The one way a contract channel is registered on Electron's IPC: the sender is checked (refused
 * and logged when untrusted), then the router validates and dispatches; nothing ever throws back.
 * A handler that asks to close its caller (main/ipc/router.ts, CallTransport) gets its window
 * closed through `closeWindow` once its answer is worked out.
 */
import { CHANNELS, type Channel } from '../../../common/contract';
import { err, type Result } from '../../../common/result';
import type { CallContext, ClientCloseReason, Router } from '../../platform/ipc/router';
import { createLogger } from '../../platform/log/logger';
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

/** Closes one window's client: main forgets it as on a disconnect, and its page starts afresh. */
export type CloseWindow = (senderId: number, reason: ClientCloseReason) => void;

export function safeHandle(
  ipc: IpcRegistrar,
  channel: Channel,
  dispatch: (payload: unknown, ctx: CallContext) => Promise<Result<unknown>>,
  closeWindow: CloseWindow,
): void {
  ipc.handle(channel, async (e, payload) => {
    let url = '';
    try {
      if (!trustedSender(e.senderFrame)) {
        url = String(e.senderFrame?.url ?? '');
        log.warn(`refused ${channel} from untrusted frame ${JSON.stringify(url.slice(0, 200))}`);
        return err('forbidden', { reason: 'origin' });
      }
      const asked: { reason: ClientCloseReason | null } = { reason: null };
      const ctx: CallContext = {
        clientId: electronClientId(e.sender.id),
        transport: {
          closeClient: (reason) => {
            asked.reason ??= reason;
          },
        },
      };
      const result = await dispatch(payload, ctx);
      if (asked.reason) closeWindow(e.sender.id, asked.reason);
      return result;
    } catch (error) {
      log.error(`invoke ${channel} failed`, error);
      return err('internal');
    }
  });
}

/** Registers every channel of the contract, each through `safeHandle`. */
export function handleAll(ipc: IpcRegistrar, router: Router, closeWindow: CloseWindow): void {
  for (const channel of CHANNELS)
    safeHandle(ipc, channel, (payload, ctx) => router.dispatch(channel, payload, ctx), closeWindow);
}
