/**
 * Issue 20, item 1: a panel never takes the console down. Signalements opened first (before
 * Signaler or Consignes, so no instructions are loaded yet) once blanked the whole page: its
 * selector built a fresh array on every render. And a panel that throws (here: main's answer
 * corrupted on the wire, as a faulty or hostile host could send it) shows its error, in the
 * operator's language, inside the panel, while the mosaic keeps playing.
 */
import { expect, test, type Page } from '@playwright/test';
import {
  createOperator,
  login,
  startHost,
  syntheticInventory,
  tilePixels,
  type Host,
} from '../test-support/e2e/host';

const HEAD = { login: 'chef', password: 'chef-mot-de-passe', role: 'head', name: 'Claire Chef' };

let host: Host;
test.beforeAll(async () => {
  host = await startHost({ cameras: syntheticInventory(2) });
  createOperator(host.dataDir, HEAD);
});
test.afterAll(async () => {
  await host.stop();
});

/**
 * Every uncaught page error and every console error, for the test to assert there were none. (The
 * favicon's 404 and jsmpeg-player's <style> refused by the CSP were once let through here; both are
 * fixed at their cause now: a favicon is served, and the player's stylesheet is in styles.css.)
 */
function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()} ${m.location().url}`);
  });
  return errors;
}

async function consoleIsAlive(page: Page): Promise<void> {
  // The top bar (its language switch and operator bar), the tree, and a mosaic that plays.
  await expect(page.getByTestId('lang-switch')).toBeVisible();
  await expect(page.getByTestId('operator-bar')).toBeVisible();
  await expect(page.getByTestId('camera-tree')).toBeVisible();
  await expect(page.getByTestId('mosaic')).toBeVisible();
  await expect(page.getByTestId('tile-0')).toHaveAttribute('data-state', 'playing', { timeout: 45_000 });
}

test('Signalements opened first, before Signaler or Consignes, leaves the console whole', async ({
  page,
}) => {
  const errors = watchErrors(page);
  await page.goto(host.url);
  await login(page, HEAD.login, HEAD.password);
  await page.getByTestId('tile-0').click();
  await page.keyboard.type('1');
  await page.keyboard.press('Enter');
  await page.getByTestId('incidents-button').click();
  const panel = page.getByTestId('incidents-panel');
  await expect(panel).toBeVisible();
  await expect(panel.getByTestId('incident-list')).toHaveAttribute('data-count', '0');
  await consoleIsAlive(page);
  // Then the other panels, one after the other, and back to Signalements.
  for (const button of ['contacts-button', 'operations-button', 'incidents-button']) {
    await page.getByTestId('panel-close').click();
    await page.getByTestId(button).click();
    await consoleIsAlive(page);
  }
  await expect(panel).toBeVisible();
  expect(errors).toEqual([]);
});

test('a panel that throws shows its error in the panel, in the operator’s language; the mosaic plays on', async ({
  page,
}) => {
  const errors = watchErrors(page);
  // Main's answer to the incident list is corrupted on the wire: a row without its cameras.
  await page.routeWebSocket(/\/ipc$/, (ws) => {
    const server = ws.connectToServer();
    const lists = new Set<number>();
    ws.onMessage((m) => {
      const msg = JSON.parse(String(m)) as { id?: number; channel?: string };
      if (msg.channel === 'incidents:list' && msg.id !== undefined) lists.add(msg.id);
      server.send(m);
    });
    server.onMessage((m) => {
      const msg = JSON.parse(String(m)) as { id?: number };
      if (msg.id === undefined || !lists.has(msg.id)) return ws.send(m);
      const bad = { id: 1, category: 'Rixe', urgency: 'normal', occurredAt: new Date().toISOString() };
      ws.send(JSON.stringify({ id: msg.id, result: { ok: true, value: [bad] } }));
    });
  });
  await page.goto(host.url);
  await login(page, HEAD.login, HEAD.password);
  await page.getByTestId('tile-0').click();
  await page.keyboard.type('1');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('tile-0')).toHaveAttribute('data-state', 'playing', { timeout: 45_000 });

  await page.getByTestId('incidents-button').click();
  const failed = page.getByTestId('panel-error');
  await expect(failed).toHaveAttribute('data-panel', 'incidents');
  await expect(failed).toContainText('Ce panneau a rencontré une erreur');
  await expect(page.getByTestId('incidents-panel')).toHaveCount(0);
  await consoleIsAlive(page);
  // Still playing: its picture changes.
  const before = await tilePixels(page, 0);
  await expect.poll(async () => Buffer.compare(before, await tilePixels(page, 0))).not.toBe(0);

  // The operator closes the failed panel like any other; in English, the error says so in English.
  await failed.getByTestId('panel-error-close').click();
  await expect(failed).toHaveCount(0);
  await page.getByTestId('lang-switch').click();
  await page.getByTestId('incidents-button').click();
  await expect(failed).toContainText('This panel ran into an error');
  await failed.getByTestId('panel-error-close').click();
  await page.getByTestId('contacts-button').click();
  await expect(page.getByTestId('contacts-panel')).toBeVisible();
  await consoleIsAlive(page);
  // The error was caught by the panel's boundary: nothing reached the page uncaught.
  expect(errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
});
