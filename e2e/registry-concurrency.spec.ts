/**
 * The documented CLI commands write the registry and the accounts while the console runs: the host
 * must keep logging people in, and the chain must still verify.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { createOperator, login, startHost, syntheticInventory, type Host } from '../test-support/e2e/host';

const VIGIE = path.resolve(__dirname, '..', 'bin', 'vigie.js');
const CHEF = { login: 'chef', password: 'chef-mot-de-passe', role: 'head' };
const NEW_AGENT = { login: 'recrue', password: 'recrue-mot-de-passe', role: 'viewer' };
let host: Host;

const vigie = (...args: string[]): string =>
  execFileSync(process.execPath, [VIGIE, ...args, '--data-dir', host.dataDir]).toString();

test.beforeAll(async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-concurrency-'));
  createOperator(dataDir, CHEF);
  host = await startHost({ dataDir, cameras: syntheticInventory(2) });
});
test.afterAll(async () => {
  await host.stop();
});

test('CLI writes while the host runs: the host keeps logging people in and the chain verifies', async ({
  browser,
}) => {
  const first = await browser.newPage();
  await first.goto(host.url);
  await login(first, CHEF.login, CHEF.password);

  const cp = path.join(host.dataDir, 'cp.json');
  expect(vigie('registry', 'checkpoint', '--out', cp)).toMatch(/Point de contrôle n° \d+ écrit/);
  createOperator(host.dataDir, NEW_AGENT);
  expect(vigie('registry', 'purge', '--older-than-days', '30')).toMatch(/purgées/);

  // The chef's page goes away: the host records the logout from the socket's close listener.
  await first.close();
  const page = await browser.newPage();
  await page.goto(host.url);
  await login(page, NEW_AGENT.login, NEW_AGENT.password);
  await expect(page.getByTestId('operator-bar')).toHaveAttribute('data-role', 'viewer');
  await page.getByTestId('logout-button').click();
  await expect(page.getByTestId('login-screen')).toBeVisible();
  expect(host.proc.exitCode).toBeNull();

  expect(vigie('registry', 'verify', '--checkpoint', cp)).toMatch(
    /Registre intègre : \d+ entrées, conforme au point de contrôle/,
  );
  const entries = execFileSync(process.execPath, [
    '-e',
    `const db = new (require('node:sqlite').DatabaseSync)(process.argv[1], { readOnly: true });
     console.log(JSON.stringify(db.prepare("SELECT type, login FROM registry WHERE type LIKE 'auth.%' ORDER BY seq").all()));`,
    path.join(host.dataDir, 'registry.db'),
  ]).toString();
  const auth = JSON.parse(entries) as unknown[];
  expect(auth).toHaveLength(4);
  expect(auth).toEqual(
    expect.arrayContaining([
      { type: 'auth.login', login: 'chef' },
      { type: 'auth.logout', login: 'chef' },
      { type: 'auth.login', login: 'recrue' },
      { type: 'auth.logout', login: 'recrue' },
    ]),
  );
});

test('two altered entries and a deleted range behind the host’s back: the console lists every one, fr and en', async ({
  page,
}) => {
  const { n } = JSON.parse(
    execFileSync(process.execPath, [
      '-e',
      `const db = new (require('node:sqlite').DatabaseSync)(process.argv[1]);
       db.exec('PRAGMA busy_timeout = 5000');
       const { n } = db.prepare('SELECT max(seq) AS n FROM registry').get();
       db.exec('DROP TRIGGER registry_no_update');
       db.exec("UPDATE registry SET login = 'x' WHERE seq IN (2, " + (n - 1) + ")");
       db.exec("CREATE TRIGGER registry_no_update BEFORE UPDATE ON registry BEGIN SELECT RAISE(ABORT, 'x'); END");
       db.exec('INSERT INTO registry_purge_gate (open) VALUES (1)');
       db.exec('DELETE FROM registry WHERE seq BETWEEN 4 AND 5');
       db.exec('DELETE FROM registry_purge_gate');
       console.log(JSON.stringify({ n }));`,
      path.join(host.dataDir, 'registry.db'),
    ]).toString(),
  ) as { n: number };
  expect(n).toBeGreaterThan(7);
  await page.goto(host.url);
  await login(page, CHEF.login, CHEF.password);
  await page.getByTestId('registry-button').click();
  await page.getByTestId('registry-verify').click();
  const result = page.getByTestId('registry-verify-result');
  await expect(result).toHaveAttribute('data-ok', 'false');
  await expect(result).toHaveAttribute('data-ranges', '3');
  await expect(result.locator('li')).toHaveText([
    'entrée 2 altérée',
    'entrées 4 à 5 manquantes',
    `entrée ${n - 1} altérée`,
  ]);
  await expect(result).toContainText('ALTÉRATION : 3 plage(s) d’entrées en cause');
  // The same verification, in English: the panel words the ranges from their codes.
  await page.getByTestId('panel-close').click();
  await page.getByTestId('lang-switch').click();
  await page.getByTestId('registry-button').click();
  await page.getByTestId('registry-verify').click();
  await expect(result.locator('li')).toHaveText([
    'entry 2 has been altered',
    'entries 4 to 5 are missing',
    `entry ${n - 1} has been altered`,
  ]);
  await expect(result).toContainText('TAMPERING: 3 range(s) of entries at fault');
});

test('rows wiped and the chain re-anchored at its head, behind the host’s back: the console says so', async ({
  page,
}) => {
  // An attacker with write access to the file, but not the key.
  execFileSync(process.execPath, [
    '-e',
    `const db = new (require('node:sqlite').DatabaseSync)(process.argv[1]);
     db.exec('PRAGMA busy_timeout = 5000');
     const h = db.prepare('SELECT seq, mac FROM registry ORDER BY seq DESC LIMIT 1').get();
     db.exec('DROP TRIGGER registry_no_delete; DELETE FROM registry;');
     db.prepare('INSERT OR REPLACE INTO registry_anchor (id, seq, mac) VALUES (1, ?, ?)').run(h.seq, h.mac);`,
    path.join(host.dataDir, 'registry.db'),
  ]);
  await page.goto(host.url);
  await login(page, CHEF.login, CHEF.password);
  await page.getByTestId('registry-button').click();
  await page.getByTestId('registry-verify').click();
  const result = page.getByTestId('registry-verify-result');
  await expect(result).toHaveAttribute('data-ok', 'false');
  await expect(result).toContainText('ne correspond à aucune purge inscrite');
  const cli = spawnSync(process.execPath, [VIGIE, 'registry', 'verify', '--data-dir', host.dataDir], {
    encoding: 'utf8',
  });
  expect(cli.status).toBe(3);
  expect(cli.stdout).toMatch(/^ALTÉRATION : 1 plage .*\n {2}- l’ancre de conservation/);
});
