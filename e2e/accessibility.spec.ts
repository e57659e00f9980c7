/**
 * Issue 20: axe-core on every screen of the console (login, lock, and each workspace, pane and
 * dialog the head of service and the supervisor reach, the PTZ pane and its take form among them):
 * no serious or critical violation. Colour contrast is one of axe's rules: the dark theme keeps
 * its text at 4.5:1 or more.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { BIT, encodePelcoD } from '../main/control/input';
import { startPtyPair } from '../test-support/control/pty';
import { createOperator, login, startHost, syntheticInventory, type Host } from '../test-support/e2e/host';
import { partsOf, ROLES, selectPtzCamera } from '../test-support/e2e/shell-parts';

let host: Host;
let cameraFile: string;
const PTZ_CAMERA = 3;

test.beforeAll(async () => {
  cameraFile = syntheticInventory(3, { site: 'Mairie', ptz: PTZ_CAMERA });
  host = await startHost({ cameras: cameraFile });
  for (const r of ROLES) createOperator(host.dataDir, r);
});
test.afterAll(async () => {
  await host?.stop();
});

/** Serious and critical violations only, each named with its rule and the elements at fault. */
async function violations(page: Page): Promise<string[]> {
  const r = await new AxeBuilder({ page }).analyze();
  return r.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
}

test('login and lock screens', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(host.url);
  await expect(page.getByTestId('login-screen')).toBeVisible();
  expect(await violations(page), 'login').toEqual([]);
  const viewer = ROLES.find((r) => r.role === 'viewer')!;
  await login(page, viewer.login, viewer.password);
  await page.getByTestId('lock-button').click();
  await expect(page.getByTestId('lock-screen')).toBeVisible();
  expect(await violations(page), 'lock').toEqual([]);
});

for (const role of ROLES.filter((r) => r.role === 'head' || r.role === 'supervisor')) {
  test(`${role.role}: every workspace, pane and dialog`, async ({ page }) => {
    test.setTimeout(180_000);
    await page.setViewportSize({ width: 1600, height: 900 });
    await page.goto(host.url);
    await login(page, role.login, role.password);
    await selectPtzCamera(page, role.role, PTZ_CAMERA);
    expect(await violations(page), 'live').toEqual([]);
    if (role.role === 'supervisor') {
      await page.getByTestId('ptz-take').click();
      await page.getByTestId('ptz-take-confirm').click(); // empty: the form's own messages
      await expect(page.getByTestId('ptz-event-ref-error')).toBeVisible();
      expect(await violations(page), 'PTZ take form').toEqual([]);
    }
    for (const part of partsOf(role.role, cameraFile)) {
      await part.open(page);
      await expect(part.shown(page)).toBeVisible();
      expect(await violations(page), part.name).toEqual([]);
      await page.keyboard.press('Escape');
      await expect(part.shown(page)).toHaveCount(0);
    }
  });
}

test.describe('the technician’s joystick and keyboard settings, live', () => {
  let post: Host;
  let pty: Awaited<ReturnType<typeof startPtyPair>>;
  const tech = ROLES.find((r) => r.role === 'technician')!;
  test.beforeAll(async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-axe-kbd-'));
    pty = await startPtyPair(dir);
    post = await startHost({
      cameras: cameraFile,
      args: ['--keyboard', pty.b, '--keyboard-protocol', 'pelco-d', '--keyboard-baud', '9600'],
    });
    createOperator(post.dataDir, tech);
  });
  test.afterAll(async () => {
    await post?.stop();
    await pty?.stop();
  });

  test('settings with the stick held and a button mapped: no serious or critical violation', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(post.url);
    await login(page, tech.login, tech.password);
    await page.getByTestId('nav-admin').click();
    await page.getByTestId('input-settings-button').click();
    await expect(page.getByTestId('input-settings-panel')).toBeVisible();
    await expect(page.getByTestId('input-live-idle')).toBeVisible();
    expect(await violations(page), 'settings, no device moved').toEqual([]);

    // The stick to the right : the live meters show.
    const fd = fs.openSync(pty.a, 'w');
    try {
      fs.writeSync(fd, encodePelcoD(1, 0, BIT.right, 0x3f, 0));
      await expect
        .poll(async () => Number(await page.getByTestId('input-live-pan').getAttribute('data-value')))
        .toBeGreaterThan(0.5);
      // A button mapped to a camera call (a number field), another refused with its reason shown.
      await page.getByTestId('input-button-new').fill('42');
      await page.getByTestId('input-button-add').click();
      await page.getByTestId('input-button-42-action').selectOption('call-camera');
      await expect(page.getByTestId('input-button-42-number')).toBeVisible();
      await page.getByTestId('input-button-new').fill('42');
      await expect(page.getByTestId('input-button-add')).toBeDisabled();
      expect(await violations(page), 'settings, live and mapped').toEqual([]);
    } finally {
      fs.writeSync(fd, encodePelcoD(1, 0, 0, 0, 0));
      fs.closeSync(fd);
    }
  });
});
