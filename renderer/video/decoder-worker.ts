/** Worker entry: tiles whose canvas was transferred here decode and draw off the page thread. */
import { closeTile, openTile, type WorkerEvent, type WorkerRequest } from './decoder-core';

const post = (e: WorkerEvent): void =>
  (self as unknown as { postMessage(m: WorkerEvent): void }).postMessage(e);

self.onmessage = (ev: MessageEvent<WorkerRequest>) => {
  const m = ev.data;
  switch (m.op) {
    case 'open':
      openTile(m, post);
      return;
    case 'close':
      closeTile(m.id);
      return;
    default: {
      const never: never = m;
      return never;
    }
  }
};
