/**
 * Issue 7: a hostile local process against a running browser host. Every attack comes from this
 * test process over raw ws/http/net clients, never from the page; after each one the host must
 * still answer (GET / 200, an /ipc round trip), and at the end a page still plays a tile.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import WebSocket from 'ws';
import { createOperator, login, startHost, syntheticInventory, type Host } from '../test-support/e2e/host';

const VIGIE = path.resolve(__dirname, '..', 'bin', 'vigie.js');
const AGENT = { login: 'agent', password: 'agent-mot-de-passe', role: 'viewer' };
const CHEF = { login: 'chef', password: 'chef-mot-de-passe', role: 'head' };
const VICTIM = { login: 'cible', password: 'cible-mot-de-passe', role: 'viewer' };
let host: Host;

/** A raw /ipc client, as any local process could open one (it can forge the Origin header). */
class RawIpc {
  readonly pushes: unknown[] = [];
  private next = 1;
  private readonly pending = new Map<
    number,
    (r: { ok: boolean; value?: unknown; error?: { code: string; params?: Record<string, unknown> } }) => void
  >();
  private constructor(readonly ws: WebSocket) {
    ws.on('message', (d) => {
      const msg = JSON.parse(String(d)) as { id?: number; result?: never; event?: string };
      if (msg.id !== undefined) this.pending.get(msg.id)?.(msg.result!);
      else this.pushes.push(msg);
    });
    ws.on('error', () => undefined);
  }
  static async open(): Promise<RawIpc> {
    const origin = host.url.replace(/\/$/, '');
    const ws = new WebSocket(`${origin.replace('http', 'ws')}/ipc`, { headers: { origin } });
    await new Promise((resolve, reject) => {
      ws.once('open', resolve);
      ws.once('error', reject);
    });
    return new RawIpc(ws);
  }
  call(channel: string, payload?: unknown) {
    const id = this.next++;
    return new Promise<{
      ok: boolean;
      value?: unknown;
      error?: { code: string; params?: Record<string, unknown> };
    }>((r) => {
      this.pending.set(id, r);
      this.ws.send(JSON.stringify({ id, channel, payload }));
    });
  }
  closed(): Promise<number> {
    return new Promise((r) =>
      this.ws.readyState === WebSocket.CLOSED ? r(0) : this.ws.once('close', (c) => r(c)),
    );
  }
}

function get(urlPath: string): Promise<number> {
  return new Promise((resolve, reject) => {
    // A raw request line: Node's client would not send a malformed path as is.
    const req = http.request(host.url, { method: 'GET', path: urlPath }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

/** The host is alive and serving: its process runs, GET / answers 200, /ipc answers. */
async function stillAnswers(): Promise<void> {
  expect(host.proc.exitCode, host.output()).toBeNull();
  expect(await get('/')).toBe(200);
  const c = await RawIpc.open();
  expect((await c.call('app:info')).ok).toBe(true);
  c.ws.close();
}

async function videoToken(): Promise<{ url: string; token: string }> {
  const c = await RawIpc.open();
  expect((await c.call('auth:login', { login: AGENT.login, password: AGENT.password })).ok).toBe(true);
  const e = await c.call('streams:endpoint');
  return e.value as { url: string; token: string };
}

test.beforeAll(async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-security-'));
  for (const a of [AGENT, CHEF, VICTIM]) createOperator(dataDir, a);
  host = await startHost({ dataDir, cameras: syntheticInventory(2) });
});
test.afterAll(async () => {
  await host.stop();
});
test.afterEach(async () => {
  await stillAnswers();
});

test('/video refuses a bad token at the HTTP upgrade with a 401, before any WebSocket exists', async () => {
  const { url } = await videoToken();
  const ws = new WebSocket(`${url}?token=forged&camera=1&format=annexb`);
  let opened = false;
  ws.on('open', () => (opened = true));
  ws.on('error', () => undefined);
  const status = await new Promise<number>((r) =>
    ws.on('unexpected-response', (_q, res) => r(res.statusCode ?? 0)),
  );
  expect(status).toBe(401);
  expect(opened).toBe(false);
  // The crash: a wrong token, then a frame over maxPayload. Nothing is left to send it on.
});

test('a frame over maxPayload or a malformed frame on /video closes that socket only', async () => {
  const { url, token } = await videoToken();
  for (const attack of ['oversized', 'malformed'] as const) {
    const ws = new WebSocket(`${url}?token=${encodeURIComponent(token)}&camera=1&format=annexb`);
    ws.on('error', () => undefined);
    await new Promise((r) => ws.once('open', r));
    const closed = new Promise<number>((r) => ws.on('close', (c) => r(c)));
    if (attack === 'oversized') ws.send(Buffer.alloc(64 * 1024, 1));
    else (ws as unknown as { _socket: net.Socket })._socket.write(Buffer.from([0x83, 0x80, 0, 0, 0, 0]));
    expect([1002, 1006, 1009]).toContain(await closed);
    expect(host.proc.exitCode).toBeNull();
  }
});

test('a message over 8 MiB or a malformed frame on /ipc closes that socket only', async () => {
  const big = await RawIpc.open();
  const bigClosed = big.closed();
  big.ws.send('x'.repeat(8 * 1024 * 1024 + 16));
  expect([1006, 1009]).toContain(await bigClosed);
  const bad = await RawIpc.open();
  const badClosed = bad.closed();
  (bad.ws as unknown as { _socket: net.Socket })._socket.write(Buffer.from([0x8f, 0x80, 0, 0, 0, 0]));
  expect([1002, 1006]).toContain(await badClosed);
  // Garbage that parses as a frame but not as JSON, or JSON that is not a message: ignored.
  const odd = await RawIpc.open();
  odd.ws.send('{ not json');
  odd.ws.send('null');
  odd.ws.send('[1,2]');
  expect((await odd.call('app:info')).ok).toBe(true);
  odd.ws.close();
});

test('GET /%E0%A4%A answers 400, and paths outside the renderer 404', async () => {
  expect(await get('/%E0%A4%A')).toBe(400);
  expect(await get('/%00')).toBe(400);
  expect(await get('/../../etc/passwd')).toBe(404);
});

test('anonymous sockets receive no pushes', async () => {
  const anon = await RawIpc.open();
  const chef = await RawIpc.open();
  const agent = await RawIpc.open();
  expect((await agent.call('auth:login', { login: AGENT.login, password: AGENT.password })).ok).toBe(true);
  // Pushes happen: a layout change, and a stream starting (status changes).
  const layout = (await agent.call('layout:get')).value as { layout: string; tiles: (number | null)[] };
  expect((await agent.call('layout:set', { ...layout, layout: '2x2' })).ok).toBe(true);
  const e = (await agent.call('streams:endpoint')).value as { url: string; token: string };
  const viewer = new WebSocket(`${e.url}?token=${encodeURIComponent(e.token)}&camera=2&format=annexb`);
  viewer.on('error', () => undefined);
  await new Promise((r) => viewer.once('message', r));
  await expect.poll(() => agent.pushes.length).toBeGreaterThan(0);
  viewer.close();
  expect(anon.pushes).toEqual([]);
  expect(chef.pushes).toEqual([]);
  for (const c of [anon, chef, agent]) c.ws.close();
});

test('twenty wrong passwords in parallel lock the account', async () => {
  const clients = await Promise.all(Array.from({ length: 20 }, () => RawIpc.open()));
  const results = await Promise.all(
    clients.map((c, i) => c.call('auth:login', { login: VICTIM.login, password: `faux-${i}` })),
  );
  expect(results.every((r) => !r.ok)).toBe(true);
  const right = await clients[0]!.call('auth:login', { login: VICTIM.login, password: VICTIM.password });
  expect(right.error?.params?.reason).toBe('locked_out');
  for (const c of clients) c.ws.close();
});

test('an operator at his locked console unlocks it even after a local process has blocked his account', async () => {
  const holder = { login: 'titulaire', password: 'titulaire-mot-de-passe', role: 'viewer' };
  createOperator(host.dataDir, holder);
  const console_ = await RawIpc.open();
  expect((await console_.call('auth:login', { login: holder.login, password: holder.password })).ok).toBe(
    true,
  );
  expect((await console_.call('auth:lock', { reason: 'manual' })).ok).toBe(true);
  const attacker = await RawIpc.open();
  for (let i = 0; i < 6; i++)
    await attacker.call('auth:login', { login: holder.login, password: `faux-${i}` });
  const blocked = await attacker.call('auth:login', { login: holder.login, password: holder.password });
  expect(blocked.error?.params?.reason).toBe('locked_out');
  // His own password, at his own locked console: unlocked, not thrown out.
  const r = await console_.call('auth:unlock', { password: holder.password });
  expect(r.error).toBeUndefined();
  expect((r.value as { locked: boolean }).locked).toBe(false);
  expect((await console_.call('streams:endpoint')).ok).toBe(true);
  for (const c of [console_, attacker]) c.ws.close();
});

test('a login typed as a formula ends up neutralised in the CSV export', async ({ page }) => {
  await page.goto(host.url);
  await page.getByTestId('login-user').fill('=HYPERLINK("http://x","y")');
  await page.getByTestId('login-password').fill('quelconque');
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('login-error')).toBeVisible();
  const chef = await RawIpc.open();
  expect((await chef.call('auth:login', { login: CHEF.login, password: CHEF.password })).ok).toBe(true);
  const r = await chef.call('registry:export', { format: 'csv' });
  expect(r.ok).toBe(true);
  const cells = parse(fs.readFileSync((r.value as { file: string }).file, 'utf8'), {
    bom: true,
    delimiter: [';', ','],
    relax_column_count: true,
  }) as string[][];
  const logins = cells.flat().filter((c) => c.includes('HYPERLINK'));
  expect(logins.length).toBeGreaterThan(0);
  // Excel would run a cell starting with "=": each one is prefixed with a quote instead.
  expect(logins.every((c) => c.startsWith(`'=HYPERLINK`))).toBe(true);
  chef.ws.close();
});

test('a login with a lone surrogate or a NUL, sent without a session, cannot break the registry', async () => {
  // Issue 18: SQLite stored the surrogate as U+FFFD and cut the text at the NUL, so the failed
  // login's entry no longer matched its MAC and `vigie registry verify` exited 3 for good.
  const c = await RawIpc.open();
  for (const login of ['\ud800x', 'ab\u0000cd']) {
    const r = await c.call('auth:login', { login, password: 'quelconque' });
    expect(r.error?.code).toBe('text_invalid');
    expect(r.error?.params?.field).toBe('login');
  }
  c.ws.close();
  await stillAnswers();
  const cli = spawnSync(process.execPath, [VIGIE, 'registry', 'verify', '--data-dir', host.dataDir], {
    encoding: 'utf8',
  });
  expect(cli.status, cli.stdout + cli.stderr).toBe(0);
  expect(cli.stdout).toMatch(/^Registre intègre : \d+ entrées/);
});

test('after all of it, a page still logs in and plays a tile', async ({ page }) => {
  await page.goto(host.url);
  await login(page, AGENT.login, AGENT.password);
  await expect(page.getByTestId('tile-0')).toHaveAttribute('data-state', 'playing', { timeout: 30_000 });
});
