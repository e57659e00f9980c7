import { expect, test } from '@playwright/test';
import { loginDemo, startHost, tilePixels, type Host } from './fixtures/host';

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
  await expect(page.getByTestId('import-button')).toHaveText('Import a camera list');
  await expect(page.getByTestId('tile-0').locator('.tile-clock')).toHaveText(/^\d{2}:\d{2}:\d{2}$/);
  await page.getByTestId('lang-switch').click();
  await expect(page.getByTestId('import-button')).toHaveText('Importer une liste de caméras');
});
