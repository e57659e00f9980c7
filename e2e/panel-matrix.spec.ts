/**
 * Issue 20, the panel matrix: for each role and each of the three screens of a CIC (1366×768,
 * 1600×900, 1920×1080), log in afresh, open every workspace, pane and dialog the role may reach in a
 * shuffled order (seeded; the seed is printed, `VIGIE_SEED=…` plays the same order again), and close
 * each with Escape. Any page or console error fails it, and so does a page wider than the window or
 * a control the operator cannot reach. One page per role is reused across the three screens.
 */
import { expect, test } from '@playwright/test';
import { createOperator, login, startHost, syntheticInventory, type Host } from '../test-support/e2e/host';
import {
  layoutProblems,
  partsOf,
  ROLES,
  selectPtzCamera,
  shuffled,
  watchErrors,
} from '../test-support/e2e/shell-parts';

const VIEWPORTS = [
  { width: 1366, height: 768 },
  { width: 1600, height: 900 },
  { width: 1920, height: 1080 },
];
const SEED = Number(process.env.VIGIE_SEED ?? Math.floor(Math.random() * 2 ** 31));
/** The camera that moves: its PTZ pane stays open under the tree while everything else is tried. */
const PTZ_CAMERA = 3;

let host: Host;
let cameraFile: string;

test.beforeAll(async () => {
  console.log(`panel matrix seed: ${SEED} (VIGIE_SEED=${SEED} plays this order again)`);
  // Three synthetic cameras, the third a PTZ dome whose ONVIF address answers nothing (the pane says so).
  cameraFile = syntheticInventory(3, { ptz: PTZ_CAMERA });
  host = await startHost({ cameras: cameraFile });
  for (const r of ROLES) createOperator(host.dataDir, r);
});
test.afterAll(async () => {
  await host?.stop();
});

for (const role of ROLES) {
  test(`${role.role}: every workspace, pane and dialog fits each screen and closes with Escape`, async ({
    page,
  }) => {
    test.setTimeout(240_000);
    const errors = watchErrors(page);
    const parts = partsOf(role.role, cameraFile);
    for (const [v, viewport] of VIEWPORTS.entries()) {
      const where = `${role.role} at ${viewport.width}×${viewport.height}`;
      await page.setViewportSize(viewport);
      await page.goto(host.url);
      await login(page, role.login, role.password);
      await selectPtzCamera(page, role.role, PTZ_CAMERA);
      expect(await layoutProblems(page), `${where}, logged in`).toEqual([]);
      const order = shuffled(parts, SEED + v);
      for (const part of order) {
        await part.open(page);
        await expect(part.shown(page), `${where}: ${part.name} opens`).toBeVisible();
        expect(await layoutProblems(page), `${where}: ${part.name} open`).toEqual([]);
        await page.keyboard.press('Escape');
        await expect(part.shown(page), `${where}: Escape closes ${part.name}`).toHaveCount(0);
      }
      await expect(page.getByTestId('nav-live')).toHaveAttribute('aria-current', 'page');
      expect(await layoutProblems(page), `${where}, everything closed`).toEqual([]);
      expect(errors, `${where}: page and console errors`).toEqual([]);
    }
  });
}
