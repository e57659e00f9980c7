import { expect, test } from '@playwright/test';
import { loginDemo, startHost, tilePixels, type Host } from '../test-support/e2e/host';

let host: Host;
test.beforeAll(async () => {
  host = await startHost();
});
test.afterAll(async () => {
  await host.stop();
});

test('the demo mosaic plays 16 live tiles whose pictures change', async ({ page }) => {
  await page.goto(host.url);
  await loginDemo(page);
  await expect(page.getByTestId('demo-badge')).toBeVisible();
  for (let i = 0; i < 16; i++) {
    await expect(page.getByTestId(`tile-${i}`)).toHaveAttribute('data-state', 'playing', { timeout: 45_000 });
    await expect(page.getByTestId(`tile-${i}`)).toHaveAttribute('data-camera-id', String(i + 1));
  }
  for (const i of [0, 7, 15]) {
    const before = await tilePixels(page, i);
    await expect
      .poll(async () => Buffer.compare(before, await tilePixels(page, i)), { timeout: 10_000 })
      .not.toBe(0);
  }
  // French by default, 24-hour clock.
  await expect(page.getByTestId('tile-0-badge')).toHaveText('En direct');
  await expect(page.getByTestId('tile-0').locator('.tile-clock')).toHaveText(/^\d{2}:\d{2}:\d{2}$/);
});

test('operators assign cameras by number, drag and drop, swap, solo, and the layout survives a restart', async ({
  page,
}) => {
  await page.goto(host.url);
  await loginDemo(page);
  await expect(page.getByTestId('tile-0')).toHaveAttribute('data-state', 'playing', { timeout: 45_000 });

  // CCTV-keyboard habit: select a tile, type a number, Enter.
  await page.getByTestId('tile-2').click();
  await page.keyboard.type('17');
  await expect(page.getByTestId('camera-entry')).toContainText('17');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('tile-2')).toHaveAttribute('data-camera-id', '17');
  await expect(page.getByTestId('tile-2')).toHaveAttribute('data-state', 'playing', { timeout: 30_000 });

  // An unknown number is refused with a message, and changes nothing.
  await page.keyboard.type('999');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('camera-entry')).toContainText('Caméra 999 inconnue');
  await expect(page.getByTestId('tile-2')).toHaveAttribute('data-camera-id', '17');

  // Search the tree, drag a camera onto a tile.
  await page.getByTestId('camera-search').fill('kiosque');
  await expect(page.getByTestId('camera-1')).toHaveCount(0);
  await page.getByTestId('camera-18').dragTo(page.getByTestId('tile-5'));
  await expect(page.getByTestId('tile-5')).toHaveAttribute('data-camera-id', '18');

  // Drag a tile onto another: they swap.
  await page.getByTestId('tile-0').dragTo(page.getByTestId('tile-1'));
  await expect(page.getByTestId('tile-0')).toHaveAttribute('data-camera-id', '2');
  await expect(page.getByTestId('tile-1')).toHaveAttribute('data-camera-id', '1');

  // Double-click shows one tile alone; again goes back.
  await page.getByTestId('tile-1').dblclick();
  await expect(page.getByTestId('mosaic')).toHaveAttribute('data-solo', '1');
  await expect(page.locator('[data-testid^="tile-"][data-state]')).toHaveCount(1);
  await page.getByTestId('tile-1').dblclick();
  await expect(page.locator('[data-testid^="tile-"][data-state]')).toHaveCount(16);

  // 1+5 layout: six tiles.
  await page.getByTestId('layout-1+5').click();
  await expect(page.locator('[data-testid^="tile-"][data-state]')).toHaveCount(6);

  // Restart the post: layout and assignments come back.
  await host.stop();
  host = await startHost({ dataDir: host.dataDir });
  await page.goto(host.url);
  await loginDemo(page);
  await expect(page.getByTestId('mosaic')).toHaveAttribute('data-layout', '1+5');
  await expect(page.getByTestId('tile-2')).toHaveAttribute('data-camera-id', '17');
  await expect(page.getByTestId('tile-5')).toHaveAttribute('data-camera-id', '18');
  await expect(page.getByTestId('tile-0')).toHaveAttribute('data-camera-id', '2');
});

test('English is available, with a 24-hour clock', async ({ page }) => {
  await page.goto(host.url);
  await loginDemo(page);
  await page.getByTestId('lang-switch').click();
  await page.getByTestId('nav-admin').click();
  await expect(page.getByTestId('import-button')).toHaveText('Import a camera list');
  await expect(page.getByTestId('tile-0').locator('.tile-clock')).toHaveText(/^\d{2}:\d{2}:\d{2}$/);
  await page.getByTestId('lang-switch').click();
  await expect(page.getByTestId('import-button')).toHaveText('Importer une liste de caméras');
});

test('a layout picked while the saved mosaic is still on its way keeps the post’s cameras', async ({
  browser,
}) => {
  const own = await startHost();
  const contexts = [await browser.newContext(), await browser.newContext()];
  try {
    // The post's saved mosaic: camera 17 on the third tile, 3×3.
    const first = await contexts[0]!.newPage();
    await first.goto(own.url);
    await loginDemo(first);
    await expect(first.getByTestId('mosaic')).toHaveAttribute('data-sync', 'ready');
    await first.getByTestId('tile-2').click();
    await first.keyboard.type('17');
    await first.keyboard.press('Enter');
    await first.getByTestId('layout-3x3').click();
    await first.reload();
    await loginDemo(first);
    await expect(first.getByTestId('mosaic')).toHaveAttribute('data-layout', '3x3');
    await expect(first.getByTestId('tile-2')).toHaveAttribute('data-camera-id', '17');

    // Another console logs in on a slow link: main's answer with the saved mosaic is held back.
    const page = await contexts[1]!.newPage();
    let release = (): void => undefined;
    const released = new Promise<void>((r) => (release = r));
    let asked = (): void => undefined;
    const askedForLayout = new Promise<void>((r) => (asked = r));
    await page.routeWebSocket(/\/ipc$/, (ws) => {
      const server = ws.connectToServer();
      const held = new Set<number>();
      ws.onMessage((m) => {
        const msg = JSON.parse(String(m)) as { id?: number; channel?: string };
        if (msg.channel === 'layout:get' && msg.id !== undefined) {
          held.add(msg.id);
          asked();
        }
        server.send(m);
      });
      server.onMessage((m) => {
        const id = (JSON.parse(String(m)) as { id?: number }).id;
        if (id !== undefined && held.has(id)) void released.then(() => ws.send(m));
        else ws.send(m);
      });
    });
    await page.goto(own.url);
    await loginDemo(page);
    await askedForLayout;
    await expect(page.getByTestId('mosaic')).toHaveAttribute('data-sync', 'pending');
    // The operator does not wait: 2×2 at once.
    await page.getByTestId('layout-2x2').click();
    await expect(page.getByTestId('mosaic')).toHaveAttribute('data-layout', '2x2');
    release();
    // The choice stands, on the post's cameras, and it is what the post now keeps.
    await expect(page.getByTestId('mosaic')).toHaveAttribute('data-sync', 'ready');
    await expect(page.getByTestId('mosaic')).toHaveAttribute('data-layout', '2x2');
    await expect(page.getByTestId('tile-2')).toHaveAttribute('data-camera-id', '17');
    await page.reload();
    await loginDemo(page);
    await expect(page.getByTestId('mosaic')).toHaveAttribute('data-sync', 'ready');
    await expect(page.getByTestId('mosaic')).toHaveAttribute('data-layout', '2x2');
    await expect(page.getByTestId('tile-2')).toHaveAttribute('data-camera-id', '17');
    await expect(page.getByTestId('tile-2')).toHaveAttribute('data-state', 'playing', { timeout: 30_000 });
  } finally {
    for (const c of contexts) await c.close();
    await own.stop();
  }
});
