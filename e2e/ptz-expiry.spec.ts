/**
 * PTZ end to end, continued: a lease running out stops the camera and gives control back by
 * itself; a technician sets the post's input settings. Same real parts as ptz.spec.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { login } from '../test-support/e2e/host';
import {
  AGENT,
  TECH,
  isMove,
  isStop,
  next,
  onCamera,
  registry,
  startLab,
  stopLab,
  take,
  type Lab,
} from '../test-support/e2e/ptz-lab';

test.describe('settings', () => {
  let lab: Lab;
  test.beforeAll(async () => {
    lab = await startLab();
  });
  test.afterAll(async () => {
    await stopLab(lab);
  });
  test('a technician sets the post’s input settings, without images; they are kept', async ({ page }) => {
    await page.goto(lab.host.url);
    await login(page, TECH.login, TECH.password);
    await expect(page.getByTestId('no-images')).toBeVisible();
    await expect(page.getByTestId('ptz-panel')).toHaveCount(0);
    await page.getByTestId('nav-admin').click();
    await page.getByTestId('input-settings-button').click();
    await expect(page.getByTestId('input-dead-zone')).toHaveValue('8');
    await page.getByTestId('input-dead-zone').fill('20');
    await page.getByTestId('input-invert-pan').check();
    await page.getByTestId('input-save').click();
    await expect(page.getByTestId('input-saved')).toBeVisible();
    const file = JSON.parse(fs.readFileSync(path.join(lab.dataDir, 'input-settings.json'), 'utf8')) as {
      deadZone: number;
      invert: { pan: boolean };
    };
    expect(file.deadZone).toBe(0.2);
    expect(file.invert.pan).toBe(true);
    await page.reload(); // a new window: a new session, the settings come from main
    await login(page, TECH.login, TECH.password);
    await page.getByTestId('nav-admin').click();
    await page.getByTestId('input-settings-button').click();
    await expect(page.getByTestId('input-dead-zone')).toHaveValue('20');
    await expect(page.getByTestId('input-invert-pan')).toBeChecked();
  });
});

test('lease expiry sends Stop, and control returns by itself', async ({ page }) => {
  const lab = await startLab(['--lease-minutes', '1', '--lease-minute-seconds', '8']);
  try {
    await onCamera(page, lab.host.url, AGENT);
    await take(page, 'EV-2026-117', 'Suivi de véhicule');
    const lease = page.getByTestId('ptz-panel').getByTestId('ptz-lease');
    await expect(lease).toHaveAttribute('data-holder', AGENT.login);
    const mv = next(lab.peer, isMove);
    await page.keyboard.down('ArrowLeft'); // held through the expiry
    await mv;
    const st = await next(lab.peer, isStop, 20_000);
    await expect(lease).toHaveCount(0);
    await expect(page.getByTestId('notice-banner')).toContainText('Délai écoulé');
    await page.keyboard.up('ArrowLeft');
    expect(lab.peer.commands.filter((c) => isMove(c) && c.at > st.at)).toHaveLength(0);
    expect(registry(lab.dataDir).map((e) => e.type)).toContain('ptz.expire');
  } finally {
    await stopLab(lab);
  }
});
