/**
 * Issue 18: a client that does not read its /ipc socket must not grow the host. The transport alone,
 * against raw ws clients: a socket whose reader lets more than IPC_MAX_BUFFERED pile up is cut, and
 * the others go on; a shared answer goes out as the same bytes, in one message, to every socket.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import type net from 'node:net';
import os from 'node:os';
import { test } from 'node:test';
import WebSocket from 'ws';
import { ok } from '../../../common/result';
import { EventHub } from '../../platform/ipc/router';
import { shareAnswer } from '../../platform/ipc/shared-answer';
import type { Services } from '../services';
import { IPC_MAX_BUFFERED, startBrowserHost } from './browser-host';

const BIG = 'x'.repeat(4 * 1024 * 1024);
const shared = shareAnswer(ok({ contentBase64: BIG }));

/** The transport's view of the services: a router answering a big answer, fresh or shared, and app:info. */
function services(events = new EventHub(), mayReceive = (_clientId: string): boolean => false): Services {
  return {
    router: {
      dispatch: async (channel: unknown) =>
        channel === 'big' ? ok({ contentBase64: BIG }) : channel === 'shared' ? shared : ok({ version: 't' }),
    },
    events,
    mayReceive,
    auth: { logout: () => undefined },
    wallKioskUrl: () => '',
  } as unknown as Services;
}

async function open(url: string): Promise<WebSocket> {
  const origin = url.replace(/\/$/, '');
  const ws = new WebSocket(`${origin.replace('http', 'ws')}/ipc`, { headers: { origin } });
  ws.on('error', () => undefined);
  await new Promise((r) => ws.once('open', r));
  return ws;
}

const call = (ws: WebSocket, id: number, channel: string): Promise<{ id: number; result: unknown }> =>
  new Promise((resolve) => {
    const on = (d: WebSocket.RawData): void => {
      const m = JSON.parse(String(d)) as { id: number; result: unknown };
      if (m.id !== id) return;
      ws.off('message', on);
      resolve(m);
    };
    ws.on('message', on);
    ws.send(JSON.stringify({ id, channel }));
  });

test('a socket that does not read is cut past its bound; another socket keeps its answers', async () => {
  const host = await startBrowserHost(services(), fs.mkdtempSync(`${os.tmpdir()}/vigie-r-`), 0);
  const slow = await open(host.url);
  const raw = (slow as unknown as { _socket: net.Socket })._socket;
  raw.pause(); // never reads: the host's answers pile up on its side
  let closed = false;
  slow.on('close', () => (closed = true));
  const count = Math.ceil((2 * IPC_MAX_BUFFERED) / BIG.length);
  for (let i = 0; i < count; i++) slow.send(JSON.stringify({ id: i, channel: 'big' }));
  const reader = await open(host.url);
  // The cut is seen once the paused client reads again: its socket has ended.
  for (let i = 1; !closed; i++) {
    assert.equal((await call(reader, i, 'app:info')).id, i);
    if (i === 20) raw.resume();
    assert.ok(i < 2000, 'the slow socket was never cut');
    await new Promise((r) => setTimeout(r, 10));
  }
  const big = await call(reader, 9999, 'big');
  assert.equal((big.result as { value: { contentBase64: string } }).value.contentBase64.length, BIG.length);
  reader.close();
  await host.close();
});

test('a shared answer reaches every socket whole, as one message with its own id', async () => {
  const host = await startBrowserHost(services(), fs.mkdtempSync(`${os.tmpdir()}/vigie-r-`), 0);
  const a = await open(host.url);
  const b = await open(host.url);
  const [ra, rb] = await Promise.all([call(a, 7, 'shared'), call(b, 8, 'shared')]);
  assert.equal(ra.id, 7);
  assert.equal(rb.id, 8);
  assert.deepEqual(ra.result, shared);
  assert.deepEqual(rb.result, shared);
  assert.equal((await call(a, 9, 'app:info')).id, 9, 'the next message is whole too');
  a.close();
  b.close();
  await host.close();
});

test('a push reaches every socket allowed to receive it, and no other', async () => {
  const events = new EventHub();
  const order: string[] = [];
  // The first two sockets the host asks about may receive it; the third may not.
  const may = (id: string): boolean => {
    if (!order.includes(id)) order.push(id);
    return order.indexOf(id) < 2;
  };
  const host = await startBrowserHost(services(events, may), fs.mkdtempSync(`${os.tmpdir()}/vigie-r-`), 0);
  const sockets = [await open(host.url), await open(host.url), await open(host.url)];
  const got = sockets.map(() => [] as unknown[]);
  sockets.forEach((ws, i) =>
    ws.on('message', (d) => {
      const m = JSON.parse(String(d)) as { event?: string };
      if (m.event) got[i]!.push(m);
    }),
  );
  events.emit('map:changed', { kind: 'none' });
  // A round trip on each socket: anything pushed before it has arrived.
  for (const [i, ws] of sockets.entries()) await call(ws, 100 + i, 'app:info');
  const push = { event: 'map:changed', payload: { kind: 'none' } };
  assert.deepEqual(got, [[push], [push], []]);
  for (const ws of sockets) ws.close();
  await host.close();
});
