/**
 * Issue 20, a demo you can steer: on a post never set up (the demo cameras, the demo account), a
 * newcomer takes the demo PTZ camera, which the demo CSU is told of; steers it and sees its picture
 * move (a window over a larger panorama, panned by ONVIF ContinuousMove through the demo's own
 * ONVIF peer); extends, releases; and reads the story in the registry. Nothing here is a fixture:
 * the host runs as `npm start` runs it.
 */
import { expect, test, type Page } from '@playwright/test';
import { login, startHost, type Host } from '../test-support/e2e/host';

const CAM = 5; // "DÉMO Quai nord", one of the demo's two PTZ cameras

let host: Host;
test.beforeAll(async () => {
  // One tile, no recently viewed stream kept flowing: the demo's 18 encoders would otherwise share a
  // loaded machine.
  host = await startHost({ args: ['--keep-streams', '0'] });
});
test.afterAll(async () => {
  await host?.stop();
});

/**
 * The luma of tile 0's picture as a 64 × 36 thumbnail, without its top and bottom bands (the
 * label and the running clock), so that only the camera's view is compared.
 */
async function view(page: Page): Promise<number[]> {
  const picture = page.getByTestId('tile-0').locator('.video').last();
  return picture.evaluate((el) => {
    const c = document.createElement('canvas');
    c.width = 64;
    c.height = 36;
    const g = c.getContext('2d', { willReadFrequently: true })!;
    g.drawImage(el as CanvasImageSource, 0, 0, 64, 36);
    const d = g.getImageData(0, 8, 64, 20).data;
    const out: number[] = [];
    for (let i = 0; i < d.length; i += 4) out.push((d[i]! * 299 + d[i + 1]! * 587 + d[i + 2]! * 114) / 1000);
    return out;
  });
}
const difference = (a: number[], b: number[]): number =>
  a.reduce((s, v, i) => s + Math.abs(v - (b[i] ?? 0)), 0) / Math.max(1, a.length);

test('take the demo PTZ camera, steer it, see it move, extend, release; the registry tells it', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1600, height: 900 });
  await page.goto(host.url);
  await login(page, 'demo', 'demo');
  await page.keyboard.press('Control+Shift+1');
  await page.getByTestId('tile-0').click();
  await page.keyboard.type(String(CAM));
  await page.keyboard.press('Enter');
  const tile = page.getByTestId('tile-0');
  await expect(tile).toHaveAttribute('data-camera-id', String(CAM));
  await expect(tile).toHaveAttribute('data-state', 'playing', { timeout: 60_000 });
  const panel = page.getByTestId('ptz-panel');
  await expect(panel).toHaveAttribute('data-camera-id', String(CAM));

  // The demo has a CSU: a plain take (the supervisor's override stays unticked).
  await panel.getByTestId('ptz-take').click();
  await page.getByTestId('ptz-event-ref').fill('DEMO-1');
  await page.getByTestId('ptz-event-reason').fill('Découverte du PTZ');
  await page.getByTestId('ptz-take-confirm').click();
  await expect(panel.getByTestId('ptz-lease')).toHaveAttribute('data-holder', 'demo');
  await expect(panel.getByTestId('ptz-error')).toHaveCount(0);

  // Steer right with the on-screen pad: the view itself changes, then stays once stopped.
  const before = await view(page);
  await panel.getByTestId('ptz-pad-right').hover();
  const pressed = Date.now();
  await page.mouse.down();
  await expect
    .poll(async () => difference(await view(page), before), { timeout: 30_000 })
    .toBeGreaterThan(12);
  // Reported, not asserted (a loaded machine): from the press to a picture seen to have moved.
  console.log(`demo PTZ: the picture moved ${Date.now() - pressed} ms after the pad was pressed`);
  await page.mouse.up();
  // Stopped, the view holds still: two looks half a second apart differ only by the encoder's
  // noise (the first looks may still show the last of the move, on its way through the pipeline).
  let last = await view(page);
  await expect
    .poll(
      async () => {
        const now = await view(page);
        const moved = difference(now, last);
        last = now;
        return moved;
      },
      { timeout: 30_000, intervals: [500] },
    )
    .toBeLessThan(4);
  await expect(panel.getByTestId('ptz-error')).toHaveCount(0);

  // Zoom in: the view changes again.
  const panned = await view(page);
  await panel.getByTestId('ptz-pad-zoom-in').hover();
  await page.mouse.down();
  await expect
    .poll(async () => difference(await view(page), panned), { timeout: 30_000 })
    .toBeGreaterThan(12);
  await page.mouse.up();

  // The preset "Vue générale" brings back the view the camera started with.
  await panel.getByTestId('ptz-preset-1').click();
  await expect.poll(async () => difference(await view(page), before), { timeout: 30_000 }).toBeLessThan(4);

  // Extend (the demo CSU is told again), then release.
  const expiresAt = Number(await panel.getByTestId('ptz-lease').getAttribute('data-expires-at'));
  await panel.getByTestId('ptz-extend').click();
  await expect
    .poll(async () => Number(await panel.getByTestId('ptz-lease').getAttribute('data-expires-at')))
    .toBeGreaterThan(expiresAt);
  await panel.getByTestId('ptz-release').click();
  await expect(page.getByTestId('ptz-lease')).toHaveCount(0);

  // The registry tells the story: the CSU notified twice, granted, extended, released.
  await page.getByTestId('nav-registry').click();
  await page.getByTestId('reg-login').fill('demo');
  await page.getByTestId('reg-show').click();
  const entries = page.getByTestId('registry-entries');
  await expect(entries.locator('tr[data-type="ptz.notify"]')).toHaveCount(2);
  await expect(entries.locator('tr[data-type="ptz.grant"]')).toHaveCount(1);
  await expect(entries.locator('tr[data-type="ptz.extend"]')).toHaveCount(1);
  await expect(entries.locator('tr[data-type="ptz.release"]')).toHaveCount(1);
  await expect(entries.locator('tr[data-type="ptz.override"]')).toHaveCount(0);
});
