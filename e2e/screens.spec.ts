/**
 * Issue 20: the console's main screens at 1920×1080 in French, as visual snapshots (login, live,
 * wall, PTZ under a lease, registry, report, administration). What moves is masked (video, clocks,
 * the lease's countdown, today's dates in the forms), so that a run compares equal to the last.
 * `VIGIE_README_SCREENS=1` also writes them unmasked to docs/screens/ for the README (not in tests).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { startHook, type Hook } from '../test-support/control/csu-peers';
import { OnvifPeer } from '../test-support/control/onvif-peer';
import { createOperator, login, startHost, type Host } from '../test-support/e2e/host';

const HEAD = {
  login: 'chef',
  password: 'chef-mot-de-passe',
  role: 'head',
  name: 'Claire Garnier',
  rank: 'Commandante',
  service: 'CIC',
  from: '2020-01-01',
  until: '2099-12-31',
};
const SUP = {
  login: 'sup',
  password: 'sup-mot-de-passe',
  role: 'supervisor',
  name: 'Marc Petit',
  rank: 'Capitaine',
  service: 'CIC',
  from: '2020-01-01',
  until: '2099-12-31',
};
const README = process.env.VIGIE_README_SCREENS ? path.resolve(__dirname, '..', 'docs', 'screens') : null;

let host: Host;
let peer: OnvifPeer;
let hook: Hook;

test.use({ viewport: { width: 1920, height: 1080 } });

test.beforeAll(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-screens-'));
  peer = await new OnvifPeer({
    username: 'csu-ptz',
    password: 'mot-de-passe-ptz',
    presets: [
      { token: '1', name: 'Parvis' },
      { token: '2', name: 'Sortie nord' },
    ],
  }).start();
  hook = await startHook();
  const names = ['Parvis', 'Quai A', 'Quai B', 'Hall', 'Rue Garibaldi', 'Place Bellecour'];
  const cameras = names.map((name, i) => ({
    id: i + 1,
    name,
    site: i < 4 ? 'Gare Part-Dieu' : 'Centre',
    zone: i < 2 ? 'Parvis' : 'Quais',
    streams: { main: `demo:${i + 1}` },
    ...(i === 0 && { ptz: { type: 'onvif', url: peer.url }, credentialsRef: 'cam' }),
  }));
  fs.writeFileSync(path.join(dir, 'cameras.json'), JSON.stringify({ cameras }));
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-screens-data-'));
  createOperator(dataDir, HEAD);
  createOperator(dataDir, SUP);
  fs.writeFileSync(
    path.join(dataDir, 'credentials.json'),
    JSON.stringify({ cam: { username: 'csu-ptz', password: 'mot-de-passe-ptz' } }),
    { mode: 0o600 },
  );
  host = await startHost({
    dataDir,
    cameras: path.join(dir, 'cameras.json'),
    args: ['--csu-webhook', hook.url, '--post', 'CIC-1'],
  });
});
test.afterAll(async () => {
  await host?.stop();
  await hook?.close();
  await peer?.stop();
});

/**
 * Video, clocks and countdowns change from one run to the next: they are masked, and so is the
 * status area (a camera that stalls for a moment on a loaded machine would show there).
 */
const moving = (page: Page, more: Locator[] = []): Locator[] => [
  page.locator('.video'),
  page.locator('.tile-clock'),
  page.getByTestId('clock'),
  page.getByTestId('ptz-lease'),
  page.getByTestId('status-area'),
  ...more,
];

async function snap(page: Page, name: string, more: Locator[] = []): Promise<void> {
  await page.mouse.move(0, 1079);
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await expect(page).toHaveScreenshot(`${name}.png`, {
    mask: moving(page, more),
    maskColor: '#0b0f14',
    animations: 'disabled',
    maxDiffPixels: 20,
    threshold: 0.1,
  });
  if (README) {
    fs.mkdirSync(README, { recursive: true });
    await page.screenshot({ path: path.join(README, `${name}.png`) });
  }
}

/** Cameras 1 to 6 on a 3×3 grid, every tile playing. */
async function mosaic(page: Page): Promise<void> {
  await page.getByTestId('layout-3x3').click();
  for (let i = 0; i < 6; i++) {
    await page.getByTestId(`tile-${i}`).click();
    await page.keyboard.type(String(i + 1));
    await page.keyboard.press('Enter');
  }
  for (let i = 0; i < 6; i++)
    await expect(page.getByTestId(`tile-${i}`)).toHaveAttribute('data-state', 'playing', { timeout: 45_000 });
  await page.getByTestId('tile-0').click();
}

test('the console’s screens, in French, at 1920×1080', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto(host.url);
  await expect(page.getByTestId('login-screen')).toBeVisible();
  await snap(page, 'login');

  // Live, then the wall, as a supervisor.
  await login(page, SUP.login, SUP.password);
  await mosaic(page);
  await snap(page, 'live');
  await page.getByTestId('nav-wall').click();
  await page.getByTestId('wall-push-mosaic').click();
  await expect(page.getByTestId('wall-mini-tile-5')).toHaveAttribute('data-camera-id', '6');
  await page.getByTestId('wall-mini-tile-2').click();
  await snap(page, 'wall');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');

  // PTZ under a lease: the CSU was notified, the pad and the presets are his.
  await page.getByTestId('tile-0').click();
  await page.getByTestId('ptz-take').click();
  await page.getByTestId('ptz-event-ref').fill('EV-2026-114');
  await page.getByTestId('ptz-event-reason').fill('Rixe devant la gare');
  await page.getByTestId('ptz-take-confirm').click();
  await expect(page.getByTestId('ptz-panel').getByTestId('ptz-lease')).toHaveAttribute(
    'data-holder',
    SUP.login,
  );
  await expect(page.getByTestId('ptz-preset-2')).toBeVisible();
  await snap(page, 'ptz');
  await page.getByTestId('ptz-release').click();
  await page.getByTestId('logout-button').click();

  // The registry, the report and the administration, as the head of service.
  await login(page, HEAD.login, HEAD.password);
  for (let i = 0; i < 6; i++)
    await expect(page.getByTestId(`tile-${i}`)).toHaveAttribute('data-state', 'playing', { timeout: 45_000 });
  await page.getByTestId('nav-registry').click();
  await expect(page.getByTestId('registry-panel')).toBeVisible();
  await snap(page, 'registry', [page.getByTestId('reg-from'), page.getByTestId('reg-to')]);

  await page.getByTestId('nav-reports').click();
  await page.getByTestId('report-from').fill('2026-01-01');
  await page.getByTestId('report-to').fill('2026-01-31');
  await page.getByTestId('report-run').click();
  await expect(page.getByTestId('report-panel')).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
  for (const img of await page.locator('[data-testid^="report-chart-"]').all())
    await expect.poll(() => img.evaluate((i: HTMLImageElement) => i.naturalWidth)).toBeGreaterThan(0);
  await snap(page, 'report');

  await page.getByTestId('nav-admin').click();
  await page.getByTestId('operators-button').click();
  await expect(page.getByTestId('account-state-sup')).toHaveAttribute('data-state', 'active');
  await snap(page, 'admin', [page.getByTestId('op-validFrom'), page.getByTestId('op-validUntil')]);
});
