/**
 * Sandboxed preload: exposes one small object, refuses any channel the contract does not name.
 * Kept free of imports beyond electron so it bundles into a single sandbox-safe file.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { isChannel, isEventName, type VigieApi } from '../common/contract';

const api: VigieApi = {
  invoke: (channel, payload) => {
    if (!isChannel(channel)) return Promise.resolve({ ok: false, error: { code: 'unknown_channel' } });
    return ipcRenderer.invoke(channel, payload);
  },
  on: (event, listener) => {
    if (!isEventName(event)) throw new Error(`unknown event ${String(event)}`);
    const wrapped = (_e: IpcRendererEvent, payload: unknown): void => listener(payload as never);
    ipcRenderer.on(event, wrapped);
    return () => ipcRenderer.removeListener(event, wrapped);
  },
};

contextBridge.exposeInMainWorld('vigie', api);
