import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { createOperator, login, startHost, syntheticInventory, type Host } from '../test-support/e2e/host';

const AGENT = {
  login: 'agent',
  password: 'agent-mot-de-passe',
  role: 'viewer',
  name: 'Léa Moreau',
  rank: 'Gardienne de la paix',
  service: 'CIC Nord',
};
const CHEF = {
  login: 'chef',
  password: 'chef-mot-de-passe',
  role: 'head',
  name: 'Marc Petit',
  rank: 'Commandant',
  service: 'Chef du CIC',
};
let host: Host;
let dataDir: string;

test.beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-access-'));
  createOperator(dataDir, AGENT);
  createOperator(dataDir, CHEF);
  createOperator(dataDir, {
    login: 'expire',
    password: 'expire-mot-de-passe',
    role: 'viewer',
    from: '2020-01-01',
    until: '2021-01-01',
  });
  host = await startHost({ dataDir, cameras: syntheticInventory(4) });
});
test.afterAll(async () => {
  await host.stop();
});

test('only authorised staff get in; the demo account does not exist with a real inventory', async ({
  page,
}) => {
  await page.goto(host.url);
  await expect(page.getByTestId('login-screen')).toBeVisible();
  await expect(page.getByTestId('login-demo')).toHaveCount(0);
  await expect(page.locator('.video')).toHaveCount(0);
  for (const [u, p, msg] of [
    ['demo', 'demo', /incorrect/],
    ['agent', 'mauvais', /incorrect/],
    ['expire', 'expire-mot-de-passe', /Habilitation/],
  ] as const) {
    await page.getByTestId('login-user').fill(u);
    await page.getByTestId('login-password').fill(p);
    await page.getByTestId('login-submit').click();
    await expect(page.getByTestId('login-error')).toHaveText(msg);
  }
  await login(page, AGENT.login, AGENT.password);
  await expect(page.getByTestId('operator-name')).toHaveText('Léa Moreau');
  // A viewer has no registry, accounts nor import buttons.
  await expect(page.getByTestId('registry-button')).toHaveCount(0);
  await expect(page.getByTestId('import-button')).toHaveCount(0);
});

test('an idle console locks itself: tiles hidden until the operator unlocks', async ({ page }) => {
  // A post of its own locks after 10 s idle: the other tests here must not race a lock while the
  // tiles start on a loaded machine.
  const lockDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-lock-'));
  createOperator(lockDir, AGENT);
  const locking = await startHost({
    dataDir: lockDir,
    cameras: syntheticInventory(4),
    args: ['--lock-after', '10'],
  });
  try {
    await idleLock(page, locking.url);
  } finally {
    await locking.stop();
  }
});

/** Tile 0 plays, the operator moving the mouse meanwhile (a loaded machine may start it slowly). */
async function playsWhileActive(page: Page): Promise<void> {
  let x = 0;
  await expect
    .poll(
      async () => {
        await page.mouse.move(200 + (x++ % 2) * 40, 300);
        return page.getByTestId('tile-0').getAttribute('data-state');
      },
      { timeout: 30_000 },
    )
    .toBe('playing');
}

async function idleLock(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await login(page, AGENT.login, AGENT.password);
  await playsWhileActive(page);
  await expect(page.getByTestId('lock-screen')).toBeVisible({ timeout: 25_000 });
  await expect(page.locator('.video')).toHaveCount(0);
  await page.getByTestId('unlock-password').fill('faux');
  await page.getByTestId('unlock-submit').click();
  await expect(page.getByTestId('login-error')).toBeVisible();
  await page.getByTestId('unlock-password').fill(AGENT.password);
  await page.getByTestId('unlock-submit').click();
  await playsWhileActive(page);
}

test('viewing sessions reach the registry with operator, cameras and times; CSV and PDF exports; integrity check', async ({
  page,
}) => {
  await page.goto(host.url);
  const loggedIn = Date.now();
  await login(page, AGENT.login, AGENT.password);
  for (let i = 0; i < 4; i++)
    await expect(page.getByTestId(`tile-${i}`)).toHaveAttribute('data-state', 'playing', { timeout: 30_000 });
  // Changing operator is one action: the agent's sessions close.
  await page.getByTestId('logout-button').click();
  const loggedOut = Date.now();
  await login(page, CHEF.login, CHEF.password);
  await page.getByTestId('registry-button').click();
  await page.getByTestId('reg-login').fill('agent');
  await page.getByTestId('reg-show').click();
  const rows = page.getByTestId('registry-sessions').locator('tbody tr[data-login="agent"]');
  await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(4);
  for (const cam of ['1', '2', '3', '4']) {
    const row = page
      .getByTestId('registry-sessions')
      .locator(`tbody tr[data-login="agent"][data-camera-id="${cam}"]`)
      .last();
    await expect(row).toHaveAttribute('data-open', 'false');
    await expect(row).toContainText('Léa Moreau — Gardienne de la paix, CIC Nord');
  }
  // Times shown are those of this session, French format, 24-hour clock.
  const start = await rows.last().locator('td').nth(2).textContent();
  const [d, t] = (start ?? '').split(' ');
  const shown = new Date(`${d!.split('/').reverse().join('-')}T${t}`).getTime();
  expect(shown).toBeGreaterThanOrEqual(Math.floor(loggedIn / 1000) * 1000 - 1000);
  expect(shown).toBeLessThanOrEqual(loggedOut + 1000);

  await page.getByTestId('registry-export-csv').click();
  const csvFile = (await page.getByTestId('registry-message').textContent())!.replace(/^.*: /, '').trim();
  const csv = fs.readFileSync(csvFile, 'utf8');
  expect(csv).toMatch(/Début de visionnage;agent;Léa Moreau;Gardienne de la paix;CIC Nord;3;console-tile/);
  expect(csv).toMatch(/Fin de visionnage;agent;Léa Moreau/);

  await page.getByTestId('registry-export-pdf').click();
  await expect(page.getByTestId('registry-message')).toContainText('.pdf');
  const pdfFile = (await page.getByTestId('registry-message').textContent())!.replace(/^.*: /, '').trim();
  const png = path.join(os.tmpdir(), `vigie-pdf-${Date.now()}`);
  execFileSync('pdftoppm', ['-r', '60', '-f', '1', '-l', '1', '-png', pdfFile, png]);
  expect(
    fs.readdirSync(os.tmpdir()).some((f) => f.startsWith(path.basename(png)) && f.endsWith('.png')),
  ).toBe(true);
  // A table cell may wrap: lines are joined before matching, as a reader would read them.
  const text = execFileSync('pdftotext', [pdfFile, '-']).toString().replace(/\s+/g, ' ');
  expect(text).toContain('Registre des accès aux images de vidéoprotection');
  expect(text).toMatch(
    /Caméra 2 \(console-tile\) : \d{2}\/\d{2}\/\d{4} de \d{2}:\d{2}:\d{2} à \d{2}:\d{2}:\d{2} — Léa Moreau, Gardienne de la paix, CIC Nord/,
  );
  expect(text).toContain('chaîne vérifiée');

  await page.getByTestId('registry-verify').click();
  await expect(page.getByTestId('registry-verify-result')).toHaveAttribute('data-ok', 'true');

  // A judicial requisition; the copy is requested from the CSU, and that request is recorded.
  await page.getByTestId('req-number').fill('RJ-2026-117');
  await page.getByTestId('req-authority').fill('Parquet de Lyon');
  await page.getByTestId('req-officer').fill('Capitaine Roux, SD Lyon');
  await page.getByTestId('req-cameras').fill('2, 3');
  await page.getByTestId('req-slots').fill('29/11 05:00–06:00');
  await page.getByTestId('req-copy').check();
  await page.getByTestId('req-submit').click();
  await expect(page.getByTestId('req-done')).toBeVisible();
  await page.getByTestId('reg-login').fill('chef');
  await page.getByTestId('reg-show').click();
  await expect(page.getByTestId('registry-entries').locator('tr[data-type="requisition"]')).toHaveCount(1);
  await expect(page.getByTestId('registry-entries').locator('tr[data-type="registry.export"]')).toHaveCount(
    2,
  );

  // The same check from the command line.
  const out = execFileSync(process.execPath, [
    path.resolve(__dirname, '..', 'bin', 'vigie.js'),
    'registry',
    'verify',
    '--data-dir',
    dataDir,
  ]).toString();
  expect(out).toMatch(/Registre intègre/);
});

test('the head of service creates an account in the UI; bad input is refused and changes nothing', async ({
  page,
}) => {
  await page.goto(host.url);
  await login(page, CHEF.login, CHEF.password);
  await page.getByTestId('nav-admin').click();
  await page.getByTestId('operators-button').click();
  const fill = async (v: Record<string, string>): Promise<void> => {
    for (const [k, val] of Object.entries(v)) await page.getByTestId(`op-${k}`).fill(val);
  };
  await fill({
    login: 'nouveau',
    name: 'Ana Diaz',
    rank: 'Brigadier',
    service: 'CIC',
    badge: '77',
    password: 'court',
  });
  await page.getByTestId('op-submit').click();
  await expect(page.getByTestId('error-banner')).toContainText('Mot de passe trop court');
  await expect(page.getByTestId('operators-list').locator('tr[data-login="nouveau"]')).toHaveCount(0);
  await fill({ password: 'nouveau-mot-de-passe' });
  await page.getByTestId('op-submit').click();
  await expect(page.getByTestId('operators-list').locator('tr[data-login="nouveau"]')).toHaveCount(1);
});
