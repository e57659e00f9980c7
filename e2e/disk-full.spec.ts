/**
 * Issue 23, a full disk, as the operators see it: the host's data directory on a real tmpfs,
 * filled to the last byte. A console that locks can lock (its entry waits in memory), but its
 * unlock is refused with the registry's reason; every console's status area says why; the picture
 * on screen stays. Space returns: the status item goes and the unlock works, with no restart.
 */
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { openRegistry } from '../main/records/registry/open-registry';
import { createOperator, login, startHost, syntheticInventory } from '../test-support/e2e/host';
import { mountSmallDisk, smallDiskSkip } from '../test-support/records/small-disk';

const AGENT = { login: 'agent', password: 'agent-mot-de-passe', role: 'viewer' };
const CHEF = { login: 'chef', password: 'chef-mot-de-passe', role: 'supervisor' };

test('a full disk: unlock refused with the reason, status area says why, the post resumes by itself', async ({
  browser,
}) => {
  const skip = smallDiskSkip();
  test.skip(skip !== false, String(skip));
  test.setTimeout(120_000);
  const disk = mountSmallDisk(16);
  const dataDir = path.join(disk.dir, 'data');
  try {
    createOperator(dataDir, AGENT);
    createOperator(dataDir, CHEF);
    const h = await startHost({ cameras: syntheticInventory(1), dataDir });
    const a = await (await browser.newContext()).newPage();
    const b = await (await browser.newContext()).newPage();
    try {
      await a.goto(h.url);
      await login(a, AGENT.login, AGENT.password);
      await b.goto(h.url);
      await login(b, CHEF.login, CHEF.password);
      await expect(b.getByTestId('tile-0')).toHaveAttribute('data-state', 'playing', { timeout: 45_000 });
      await expect(b.getByTestId('status-registry')).toHaveCount(0);

      disk.fill();
      // Locking always works (it shows less); its entry waits for space.
      await a.getByTestId('lock-button').click();
      await expect(a.getByTestId('lock-screen')).toBeVisible();
      await expect(b.getByTestId('status-registry')).toHaveAttribute('data-level', 'bad');
      await expect(b.getByTestId('status-registry')).toContainText('disque plein');
      await a.getByTestId('unlock-password').fill(AGENT.password);
      await a.getByTestId('unlock-submit').click();
      await expect(a.getByTestId('login-error')).toContainText('Disque du registre plein');
      await expect(a.getByTestId('lock-screen')).toBeVisible();
      // The picture already on screen stays.
      await expect(b.getByTestId('tile-0')).toHaveAttribute('data-state', 'playing');

      disk.free();
      await expect(b.getByTestId('status-registry')).toHaveCount(0, { timeout: 15_000 });
      await a.getByTestId('unlock-password').fill(AGENT.password);
      await a.getByTestId('unlock-submit').click();
      await expect(a.getByTestId('operator-bar')).toBeVisible();
      await expect(a.getByTestId('tile-0')).toHaveAttribute('data-state', 'playing', { timeout: 45_000 });
    } finally {
      await h.stop();
    }
    const r = openRegistry(dataDir);
    try {
      expect(r.verify().ok).toBe(true);
      const types = r.query({ types: ['auth.lock', 'registry.outage', 'auth.unlock'] }).map((x) => x.type);
      expect(types).toEqual(['registry.outage', 'auth.lock', 'auth.unlock']);
    } finally {
      r.close();
    }
  } finally {
    disk.unmount();
  }
});
