/**
 * The render paths, end to end, on a real RTSP camera: the track generator into a <video> by
 * default, the worker canvas where asked (the fallback where the generator is missing), and the
 * latency bound under a deliberately overloaded page.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { RtspLab } from './fixtures/rtsp-lab';
import { createOperator, login, startHost, tilePixels, type Host } from './fixtures/host';

const PASSWORD = 'mot-de-passe-agent';
let lab: RtspLab;
let host: Host;

test.beforeAll(async () => {
  lab = new RtspLab({ cameras: [{ width: 640, height: 360 }] });
  await lab.start();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-e2e-'));
  createOperator(dataDir, { login: 'agent', password: PASSWORD, role: 'viewer' });
  host = await startHost({ dataDir, cameras: lab.writeInventory() });
});

test.afterAll(async () => {
  await host?.stop();
  await lab?.stop();
});

async function picturesChange(page: Page, index: number): Promise<void> {
  const before = await tilePixels(page, index);
  await expect
    .poll(async () => Buffer.compare(before, await tilePixels(page, index)), { timeout: 15_000 })
    .not.toBe(0);
}

test('by default frames go to a <video> through a track generator, and the tooltip says so', async ({
  page,
}) => {
  await page.goto(host.url);
  await login(page, 'agent', PASSWORD);
  const tile = page.getByTestId('tile-0');
  await expect(tile).toHaveAttribute('data-state', 'playing', { timeout: 30_000 });
  await expect(tile).toHaveAttribute('data-render', 'generator');
  await expect(tile.locator('video.video')).toHaveCount(1);
  await expect(tile.locator('canvas')).toHaveCount(0);
  await expect(tile).toHaveAttribute('title', /affichage vidéo natif/);
  // A small tile (4×4) shows one frame in two; its pictures still move.
  await expect(tile).toHaveAttribute('data-every', '2');
  await picturesChange(page, 0);
  // Shown alone, it gets every frame.
  await tile.dblclick();
  await expect(tile).toHaveAttribute('data-every', '1');
  await picturesChange(page, 0);
  await tile.dblclick();
  await expect(tile).toHaveAttribute('data-every', '2');
  // The post can ask for every frame on every tile; the choice survives a reload.
  await page.getByTestId('full-rate').click();
  await expect(page.getByTestId('full-rate')).toHaveAttribute('aria-pressed', 'true');
  await expect(tile).toHaveAttribute('data-every', '1');
  await page.reload();
  await login(page, 'agent', PASSWORD);
  await expect(page.getByTestId('tile-0')).toHaveAttribute('data-every', '1');
  await page.getByTestId('full-rate').click();
  await expect(page.getByTestId('tile-0')).toHaveAttribute('data-every', '2');
});

test('where the generator is not used, a canvas drawn in a worker shows the camera', async ({ page }) => {
  await page.goto(`${host.url}?render=worker`);
  await login(page, 'agent', PASSWORD);
  const tile = page.getByTestId('tile-0');
  await expect(tile).toHaveAttribute('data-state', 'playing', { timeout: 30_000 });
  await expect(tile).toHaveAttribute('data-render', 'worker');
  await expect(tile.locator('canvas.video')).toHaveCount(1);
  await expect(tile).toHaveAttribute('title', /dessin en arrière-plan/);
  await picturesChange(page, 0);
});

test('an overloaded page drops frames to stay live: never more than 1 s behind, and the tile says so', async ({
  page,
}) => {
  // The page thread is blocked 500 ms, free 100 ms, over and over.
  await page.goto(`${host.url}?overload=500`);
  await login(page, 'agent', PASSWORD);
  const tile = page.getByTestId('tile-0');
  await expect(tile).toHaveAttribute('data-state', 'playing', { timeout: 45_000 });
  // Every lag the tile reports for the frame it shows, as it reports it.
  await page.evaluate(() => {
    const el = document.querySelector('[data-testid="tile-0"]')!;
    const lags: number[] = [];
    (window as unknown as { __lags: number[] }).__lags = lags;
    new MutationObserver(() => {
      const v = el.getAttribute('data-lag');
      if (v) lags.push(Number(v));
    }).observe(el, { attributes: true, attributeFilter: ['data-lag'] });
  });
  await expect(tile).toHaveAttribute('data-dropping', 'true', { timeout: 30_000 });
  await expect(tile).toHaveAttribute('title', /images sautées pour rester en direct/);
  await page.waitForFunction(() => (window as unknown as { __lags: number[] }).__lags.length >= 15, null, {
    timeout: 60_000,
  });
  const lags = await page.evaluate(() => (window as unknown as { __lags: number[] }).__lags);
  expect(Math.max(...lags), `lags ${lags.join(',')}`).toBeLessThanOrEqual(1000);
  await expect(tile).toHaveAttribute('data-state', 'playing');
  await picturesChange(page, 0);
});
