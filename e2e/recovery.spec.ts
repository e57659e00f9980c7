import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { RtspLab } from '../test-support/video/rtsp-lab';
import { createOperator, login, startHost, tilePixels, type Host } from '../test-support/e2e/host';

const SECRET = 'Zx9-s3cret-Pw';
const PASSWORD = 'mot-de-passe-agent';
let lab: RtspLab;
let host: Host;

test.beforeAll(async () => {
  lab = new RtspLab({
    cameras: [
      { width: 640, height: 360 },
      { width: 640, height: 360 },
    ],
    mjpeg: true,
  });
  await lab.start();
  const unreachable = {
    id: 190,
    name: 'Injoignable',
    site: 'Laboratoire',
    zone: 'panne',
    streams: { main: 'rtsp://127.0.0.1:9/nothing' },
    credentialsRef: 'csu',
  };
  const mjpeg = {
    id: 191,
    name: 'Ancienne MJPEG',
    site: 'Laboratoire',
    zone: 'codec',
    streams: { main: lab.mjpegUrl() },
  };
  // Credentials live apart from the inventory, in the post's data directory.
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-e2e-'));
  fs.writeFileSync(
    path.join(dataDir, 'credentials.json'),
    JSON.stringify({ csu: { username: 'operateur', password: SECRET } }),
  );
  createOperator(dataDir, { login: 'agent', password: PASSWORD, role: 'viewer' });
  host = await startHost({ dataDir, cameras: lab.writeInventory([unreachable, mjpeg]) });
});

test.beforeEach(async ({ page }) => {
  await page.goto(host.url);
  await login(page, 'agent', PASSWORD);
});

test.afterAll(async () => {
  await host?.stop();
  await lab?.stop();
});

test('a killed source leaves "playing" within 5 s, says when its last frame was, and comes back by itself', async ({
  page,
}) => {
  const tile = page.getByTestId('tile-0');
  await expect(tile).toHaveAttribute('data-camera-id', '101');
  await expect(tile).toHaveAttribute('data-state', 'playing', { timeout: 30_000 });
  await expect(page.getByTestId('tile-1')).toHaveAttribute('data-state', 'playing', { timeout: 30_000 });

  await lab.killPublisher(0);
  const killedAt = Date.now();
  await expect(tile).not.toHaveAttribute('data-state', 'playing', { timeout: 5_000 });
  expect(Date.now() - killedAt).toBeLessThan(5_000);
  // Never a frozen frame shown as live: the badge says it is stalled or reconnecting.
  await expect(page.getByTestId('tile-0-badge')).toHaveText(/Image figée|Reconnexion|Hors ligne/);
  // The other camera is unaffected.
  await expect(page.getByTestId('tile-1')).toHaveAttribute('data-state', 'playing');

  lab.startPublisher(0);
  await expect(tile).toHaveAttribute('data-state', 'playing', { timeout: 40_000 });
  const before = await tilePixels(page, 0);
  await expect
    .poll(async () => Buffer.compare(before, await tilePixels(page, 0)), { timeout: 10_000 })
    .not.toBe(0);
});

test('a mid-stream resolution change recovers without operator action', async ({ page }) => {
  const tile = page.getByTestId('tile-1');
  await expect(tile).toHaveAttribute('data-state', 'playing', { timeout: 30_000 });
  await expect(tile).toHaveAttribute('data-resolution', '640x360');
  await lab.killPublisher(1);
  lab.startPublisher(1, { width: 480, height: 270 });
  await expect(tile).toHaveAttribute('data-resolution', '480x270', { timeout: 40_000 });
  const before = await tilePixels(page, 1);
  await expect
    .poll(async () => Buffer.compare(before, await tilePixels(page, 1)), { timeout: 15_000 })
    .not.toBe(0);
  await expect(tile).toHaveAttribute('data-state', 'playing');
  await expect(tile).toHaveAttribute('data-path', 'webcodecs');
});

test('an unreachable camera is reported offline with its reason', async ({ page }) => {
  const tile = page.getByTestId('tile-2');
  await expect(tile).toHaveAttribute('data-camera-id', '190');
  await expect(tile).toHaveAttribute('data-state', 'offline', { timeout: 30_000 });
  await expect(page.getByTestId('tile-2-badge')).toHaveText('Hors ligne — caméra injoignable');
});

test('a camera whose codec WebCodecs cannot take falls back to the transcoded path and still plays', async ({
  page,
}) => {
  const tile = page.getByTestId('tile-3');
  await expect(tile).toHaveAttribute('data-camera-id', '191');
  await expect(tile).toHaveAttribute('data-path', 'jsmpeg', { timeout: 30_000 });
  await expect(tile).toHaveAttribute('data-state', 'playing', { timeout: 30_000 });
  await expect(page.getByTestId('tile-0')).toHaveAttribute('data-path', 'webcodecs');
  const before = await tilePixels(page, 3);
  await expect
    .poll(async () => Buffer.compare(before, await tilePixels(page, 3)), { timeout: 10_000 })
    .not.toBe(0);
});

test('camera credentials never reach the logs or the page', async ({ page }) => {
  await expect(page.getByTestId('tile-2')).toHaveAttribute('data-state', 'offline', { timeout: 30_000 });
  // ffmpeg was given the credentials (its failures were logged) but no line shows them.
  expect(host.output()).toContain('ffmpeg for 190:main');
  expect(host.output()).toContain('rtsp://***@127.0.0.1:9/nothing');
  expect(host.output()).not.toContain(SECRET);
  expect(await page.content()).not.toContain(SECRET);
});
