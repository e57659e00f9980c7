/**
 * Instant video (issue 22): a number call for a camera already flowing to the post shows a current
 * picture at once, even with a 4 s GOP: the tile catches up on the gateway's cached units and its
 * first picture is the newest, never the cached key frame seconds old. Read from the displayed
 * picture's wall-clock stamp, on the loopback RTSP lab.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { createOperator, login, startHost, type Host } from '../test-support/e2e/host';
import { RtspLab } from '../test-support/video/rtsp-lab';

const lab = new RtspLab({
  cameras: [
    { width: 320, height: 180, gop: 4 },
    { width: 320, height: 180, gop: 4, stamp: true },
  ],
  keepAlive: true,
});
let host: Host;

test.beforeAll(async () => {
  await lab.start();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-instant-'));
  createOperator(dataDir, { login: 'agent', password: 'agent-mot-de-passe', role: 'viewer' });
  host = await startHost({ dataDir, cameras: lab.writeInventory() });
});
test.afterAll(async () => {
  await host?.stop();
  await lab.stop();
});

/** Age of the wall-clock stamp in the first picture a new video of tile 0 presents (null: none). */
const FIRST_PICTURE_AGE = `new Promise((resolve) => {
  const tile = document.querySelector('[data-testid="tile-0"]');
  const canvas = document.createElement('canvas');
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  const known = new Set(tile.querySelectorAll('video'));
  const watch = (video) => video.requestVideoFrameCallback(() => {
    const w = video.videoWidth;
    canvas.width = w;
    canvas.height = 1;
    ctx.drawImage(video, 0, Math.floor(Math.max(1, Math.floor(w / 40)) / 2), w, 1, 0, 0, w, 1);
    const px = ctx.getImageData(0, 0, w, 1).data;
    let v = 0;
    for (let b = 0; b < 40; b++) {
      const o = Math.floor(b * (w / 40) + w / 80) * 4;
      v = v * 2 + (px[o] + px[o + 1] + px[o + 2] > 384 ? 1 : 0);
    }
    const now = Date.now();
    const age = (((now % 2 ** 40) - v) % 2 ** 40 + 2 ** 40) % 2 ** 40;
    resolve(age < 30000 ? age : null);
  });
  new MutationObserver(() => {
    for (const v of tile.querySelectorAll('video')) if (!known.has(v)) { known.add(v); watch(v); }
  }).observe(tile, { childList: true, subtree: true });
  window.__called = true;
})`;

test('a number call for a flowing 4 s-GOP camera shows a current picture first, not its cached key frame', async ({
  page,
}) => {
  await page.goto(host.url);
  await login(page, 'agent', 'agent-mot-de-passe');
  await page.getByTestId('layout-2x2').click();
  for (const [tile, camera] of [
    [0, '101'],
    [1, '102'],
  ] as const) {
    await page.getByTestId(`tile-${tile}`).click();
    await page.keyboard.type(camera);
    await page.keyboard.press('Enter');
    await expect(page.getByTestId(`tile-${tile}`)).toHaveAttribute('data-state', 'playing', {
      timeout: 30_000,
    });
  }
  // Camera 102 flows to the post (tile 1), which started on a key frame. Two to three seconds on,
  // paced by the tile's own clock, the gateway holds that many seconds of units since the key frame.
  const clock = page.getByTestId('tile-1').locator('.tile-clock');
  for (let i = 0; i < 3; i++) {
    const shown = await clock.textContent();
    await expect(clock).not.toHaveText(shown ?? '');
  }
  const age = page.evaluate(FIRST_PICTURE_AGE) as Promise<number | null>;
  await page.waitForFunction(() => (window as unknown as { __called?: boolean }).__called);
  await page.getByTestId('tile-0').click();
  await page.keyboard.type('102');
  await page.keyboard.press('Enter');
  const first = await age;
  expect(first, 'the first picture carries a stamp').not.toBeNull();
  expect(first!, `the first picture shown is ${first} ms old`).toBeLessThanOrEqual(300);
});
