import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Result } from '../../common/result';
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
  safeHandle(ipc, 'auth:status', async (_p, clientId) => {
    reached.push(clientId);
    return { ok: true, value: null };
  });
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
  safeHandle(ipc, 'app:info', () => Promise.reject(new Error('boom')));
  const r = await ipc.calls.get('app:info')!(
    { senderFrame: { url: 'app://vigie/', parent: null }, sender: { id: 1 } },
    undefined,
  );
  assert.deepEqual(r, { ok: false, error: { code: 'internal' } });
});
