/**
 * The renderer's only door to main: the preload's `window.vigie` under Electron, or the same
 * contract over the browser host's WebSocket.
 */
import type { Channel, EventMap, EventName, RequestOf, ResponseOf, VigieApi } from '../../common/contract';
import type { Result } from '../../common/result';
import { createRpc } from './rpc';

declare global {
  interface Window {
    vigie?: VigieApi;
  }
}

function websocketApi(): VigieApi {
  const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ipc`;
  const pending = new Map<number, (r: Result<unknown>) => void>();
  const listeners = new Map<EventName, Set<(p: unknown) => void>>();
  let nextId = 1;
  let socket: Promise<WebSocket> | null = null;
  let connectedBefore = false;

  const connect = (): Promise<WebSocket> => {
    socket ??= new Promise((resolve, reject) => {
      const ws = new WebSocket(url);
      ws.onopen = () => {
        resolve(ws);
        // A new socket is a new client to main, with no session (the host restarted, say): the
        // page re-reads its own. The console goes back to its login screen; the wall page
        // presents its key again.
        if (connectedBefore) for (const l of listeners.get('auth:session') ?? []) l(null);
        connectedBefore = true;
      };
      ws.onerror = () => reject(new Error('ipc socket error'));
      ws.onclose = () => {
        socket = null;
        for (const done of pending.values()) done({ ok: false, error: { code: 'disconnected' } });
        pending.clear();
        // Keep event subscriptions alive across a host restart.
        setTimeout(() => void connect().catch(() => undefined), 1000);
      };
      ws.onmessage = (ev) => {
        const msg = JSON.parse(String(ev.data)) as {
          id?: number;
          result?: Result<unknown>;
          event?: EventName;
          payload?: unknown;
        };
        if (msg.id !== undefined && msg.result) {
          pending.get(msg.id)?.(msg.result);
          pending.delete(msg.id);
        } else if (msg.event) {
          for (const l of listeners.get(msg.event) ?? []) l(msg.payload);
        }
      };
    });
    return socket;
  };

  return {
    async invoke<C extends Channel>(channel: C, payload?: RequestOf<C>): Promise<Result<ResponseOf<C>>> {
      const ws = await connect();
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, resolve as (r: Result<unknown>) => void);
        ws.send(JSON.stringify({ id, channel, payload }));
      });
    },
    on<E extends EventName>(event: E, listener: (payload: EventMap[E]) => void): () => void {
      void connect().catch(() => undefined);
      const set = listeners.get(event) ?? new Set();
      set.add(listener as (p: unknown) => void);
      listeners.set(event, set);
      return () => set.delete(listener as (p: unknown) => void);
    },
  };
}

export const api: VigieApi = window.vigie ?? websocketApi();

/** One function per channel: `rpc.incidents.list(filter)` (renderer/api/rpc.ts). */
export const rpc = createRpc(api);
