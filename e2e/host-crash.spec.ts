/**
 * The host killed outright (SIGKILL, as a crash or a power cut leaves it) and started again on the
 * same data and port: the pages open on it come back by themselves. Found by the soak (issue 23):
 * the console kept its operator bar and a mosaic of frozen tiles that nothing would ever refresh.
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { createOperator, login, startHost, syntheticInventory } from '../test-support/e2e/host';

const AGENT = { login: 'agent', password: 'agent-mot-de-passe', role: 'viewer' };

test('after a kill -9 and a restart, the console returns to its login screen by itself, then plays again', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const port = await new Promise<number>((resolve) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const p = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(p));
    });
  });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-e2e-crash-'));
  createOperator(dataDir, AGENT);
  const cameras = syntheticInventory(2);
  let h = await startHost({ cameras, port, dataDir });
  try {
    await page.goto(h.url);
    await login(page, AGENT.login, AGENT.password);
    await expect(page.getByTestId('tile-0')).toHaveAttribute('data-state', 'playing', { timeout: 45_000 });
    await new Promise<void>((resolve) => {
      h.proc.once('exit', () => resolve());
      h.proc.kill('SIGKILL');
    });
    h = await startHost({ cameras, port, dataDir });
    // The same page, never reloaded: the operator's session ended with the host that held it.
    await expect(page.getByTestId('login-screen')).toBeVisible({ timeout: 20_000 });
    await login(page, AGENT.login, AGENT.password);
    await expect(page.getByTestId('tile-0')).toHaveAttribute('data-state', 'playing', { timeout: 45_000 });
  } finally {
    await h.stop();
  }
});
