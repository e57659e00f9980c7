/**
 * Worker entry: tiles decode here, off the page thread, and draw on their transferred canvas or
 * write to their page generator's transferred writable.
 */
import { closeTile, openTile, setTileRate, type WorkerEvent, type WorkerRequest } from './decoder-core';
import { canvasSink, writerSink } from './frame-sinks';

const post = (e: WorkerEvent): void =>
  (self as unknown as { postMessage(m: WorkerEvent): void }).postMessage(e);

self.onmessage = (ev: MessageEvent<WorkerRequest>) => {
  const m = ev.data;
  switch (m.op) {
    case 'open':
      openTile(
        {
          ...m,
          sink: 'canvas' in m.target ? canvasSink(m.target.canvas, m.bench) : writerSink(m.target.writable),
        },
        post,
      );
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
