import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Result } from '../../../common/result';
import { safeHandle, type InvokeEvent, type IpcRegistrar } from './safe-handle';
import { trustedSender } from './sender-check';

test('the sender check accepts only our own top-level page', () => {
  assert.equal(trustedSender({ url: 'app://vigie/index.html', parent: null }), true);
  // The inverted case: everything that is not our page is refused.
  for (const frame of [
    { url: 'app://vigie/index.html', parent: {} }, // an iframe inside our page
    { url: 'https://evil.example/', parent: null },
    { url: 'app://vigie.evil/index.html', parent: null },
    { url: 'file:///etc/passwd', parent: null },
    { url: 'about:blank', parent: null },
    { url: 'app://user:pw@vigie/index.html', parent: null },
    null,
    undefined,
  ])
    assert.equal(trustedSender(frame), false, JSON.stringify(frame));
});

test('an empty or malformed sender URL is refused, not thrown', () => {
  for (const url of ['', 'not a url', '::::', 'app//vigie']) {
    assert.doesNotThrow(() => trustedSender({ url, parent: null }));
    assert.equal(trustedSender({ url, parent: null }), false, url);
  }
  assert.equal(trustedSender({ url: undefined as unknown as string, parent: null }), false);
});

/** A recording ipcMain: what safeHandle registered, callable as Electron would call it. */
function registrar(): IpcRegistrar & {
  calls: Map<string, (e: InvokeEvent, p: unknown) => Promise<Result<unknown>>>;
} {
  const calls = new Map<string, (e: InvokeEvent, p: unknown) => Promise<Result<unknown>>>();
  return { calls, handle: (channel, listener) => calls.set(channel, listener) };
}

test('safeHandle refuses and logs an untrusted or malformed sender, and never reaches the router', async () => {
  const ipc = registrar();
  const reached: string[] = [];
  safeHandle(
    ipc,
    'auth:status',
    async (_p, ctx) => {
      reached.push(ctx.clientId);
      return { ok: true, value: null };
    },
    () => assert.fail('no window is closed'),
  );
  const listener = ipc.calls.get('auth:status')!;
  for (const senderFrame of [null, { url: '', parent: null }, { url: 'http://127.0.0.1:1/', parent: null }]) {
    const r = await listener({ senderFrame, sender: { id: 7 } }, undefined);
    assert.deepEqual(r, { ok: false, error: { code: 'forbidden', params: { reason: 'origin' } } });
  }
  assert.deepEqual(reached, []);
  const good = await listener(
    { senderFrame: { url: 'app://vigie/index.html', parent: null }, sender: { id: 7 } },
    undefined,
  );
  assert.equal(good.ok, true);
  assert.deepEqual(reached, ['wc-7']);
});

test('safeHandle turns a throwing handler into an internal error', async () => {
  const ipc = registrar();
  safeHandle(
    ipc,
    'app:info',
    () => Promise.reject(new Error('boom')),
    () => undefined,
  );
  const r = await ipc.calls.get('app:info')!(
    { senderFrame: { url: 'app://vigie/', parent: null }, sender: { id: 1 } },
    undefined,
  );
  assert.deepEqual(r, { ok: false, error: { code: 'internal' } });
});

test('a handler asks its transport to close the calling window: closed once its answer is ready', async () => {
  const ipc = registrar();
  const closed: [number, string][] = [];
  const order: string[] = [];
  safeHandle(
    ipc,
    'wall:open',
    async (_p, ctx) => {
      ctx.transport?.closeClient('wall_key_tries');
      ctx.transport?.closeClient('wall_key_tries');
      order.push('answered');
      return { ok: false, error: { code: 'wall_key_refused' } };
    },
    (senderId, reason) => {
      order.push('closed');
      closed.push([senderId, reason]);
    },
  );
  const wall = { senderFrame: { url: 'app://vigie/wall.html', parent: null }, sender: { id: 3 } };
  const r = await ipc.calls.get('wall:open')!(wall, { key: 'x' });
  assert.deepEqual(r, { ok: false, error: { code: 'wall_key_refused' } });
  assert.deepEqual(closed, [[3, 'wall_key_tries']], 'once, for the calling window only');
  assert.deepEqual(order, ['answered', 'closed']);
  // A call whose handler asks nothing closes nothing.
  safeHandle(
    ipc,
    'app:info',
    async () => ({ ok: true, value: null }),
    () => closed.push([0, 'x']),
  );
  await ipc.calls.get('app:info')!(wall, undefined);
  assert.equal(closed.length, 1);
});
