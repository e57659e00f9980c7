/** Worker entry: tiles whose canvas was transferred here decode and draw off the page thread. */
import { closeTile, openTile, setTileRate, type WorkerEvent, type WorkerRequest } from './decoder-core';
import { canvasSink } from './frame-sinks';

const post = (e: WorkerEvent): void =>
  (self as unknown as { postMessage(m: WorkerEvent): void }).postMessage(e);

self.onmessage = (ev: MessageEvent<WorkerRequest>) => {
  const m = ev.data;
  switch (m.op) {
    case 'open':
      openTile({ ...m, sink: canvasSink(m.canvas, m.bench) }, post);
      return;
    case 'rate':
      setTileRate(m.id, m.every);
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
