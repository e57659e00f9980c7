/**
 * The technician's commissioning self-test screen, against real parts: the demo cameras through
 * ffmpeg, a loopback SNTP responder, a loopback CSU webhook, the post's own registry.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { startHook, type Hook } from '../test-support/control/csu-peers';
import { startSntpPeer, type SntpPeer } from '../test-support/app/sntp-server';
import { createOperator, login, startHost, syntheticInventory, type Host } from '../test-support/e2e/host';
import { RawIpc } from '../test-support/e2e/raw-ipc';

const TECH = { login: 'tech', password: 'tech-mot-de-passe', role: 'technician', name: 'Jeanne Martin' };
const AGENT = { login: 'agent', password: 'agent-mot-de-passe', role: 'viewer' };

let host: Host;
let ntp: SntpPeer;
let hook: Hook;

test.beforeAll(async () => {
  ntp = await startSntpPeer(0);
  hook = await startHook();
  host = await startHost({
    cameras: syntheticInventory(2),
    args: ['--ntp', `127.0.0.1:${ntp.port}`, '--csu-webhook', hook.url],
  });
  createOperator(host.dataDir, TECH);
  createOperator(host.dataDir, AGENT);
});

test.afterAll(async () => {
  await host?.stop();
  await ntp?.close();
  await hook?.close();
});

test('a technician runs the self-test: every check answers, the report is filed, and a broken clock fails with its reason', async ({
  page,
}) => {
  await page.goto(host.url);
  await login(page, TECH.login, TECH.password);
  await page.getByTestId('nav-admin').click();
  await page.getByTestId('selftest-button').click();
  const panel = page.getByTestId('selftest-panel');
  await expect(page.getByTestId('selftest-technician')).toHaveValue(TECH.name);
  await page.getByTestId('selftest-run').click();
  // While it runs, main's count of checks: 7 groups and the registry, each of the 2 cameras a step.
  const running = page.getByTestId('selftest-running');
  await expect(running).toHaveAttribute('data-total', '9');
  await expect(page.getByTestId('selftest-progress')).toContainText(/^\d \/ 9 contrôles faits/);
  await expect(panel).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
  const rows = page.getByTestId('selftest-result');
  await expect(rows.and(page.locator('[data-group="cameras"][data-status="pass"]'))).toHaveCount(2);
  await expect(rows.and(page.locator('[data-group="clock"]'))).toHaveAttribute('data-status', 'pass');
  await expect(rows.and(page.locator('[data-group="csu"]'))).toHaveAttribute('data-code', 'csu_delivered');
  await expect(rows.and(page.locator('[data-code="registry_verified"]'))).toHaveAttribute(
    'data-status',
    'pass',
  );
  await expect(page.getByTestId('selftest-summary')).toHaveAttribute('data-fail', '0');
  expect(hook.requests.at(-1)?.json.type).toBe('vigie.ptz.test');
  const files = fs.readdirSync(path.join(host.dataDir, 'autotests'));
  expect(files.filter((f) => f.endsWith('.pdf'))).toHaveLength(1);
  expect(files.filter((f) => f.endsWith('.json'))).toHaveLength(1);
  await expect(page.getByTestId('selftest-report')).toContainText('.pdf');

  ntp.silent = true; // the time server goes quiet
  await page.getByTestId('selftest-run').click();
  await expect(panel).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
  const clock = rows.and(page.locator('[data-group="clock"]'));
  await expect(clock).toHaveAttribute('data-status', 'fail');
  await expect(clock).toContainText('ne répond pas');
  await expect(page.getByTestId('selftest-summary')).toHaveAttribute('data-fail', '1');
  ntp.silent = false;
});

test('only technicians and heads run it: main refuses anyone else', async () => {
  const ipc = await RawIpc.open(host.url);
  expect((await ipc.call('auth:login', { login: AGENT.login, password: AGENT.password })).ok).toBe(true);
  expect((await ipc.call('selftest:run', { technician: 'x' })).error?.code).toBe('forbidden');
  ipc.close();
});
