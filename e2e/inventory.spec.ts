import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { createOperator, login, loginDemo, startHost, type Host } from '../test-support/e2e/host';

let host: Host;
test.beforeAll(async () => {
  host = await startHost();
});
test.afterAll(async () => {
  await host.stop();
});

function file(name: string, content: string): string {
  const p = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-inv-')), name);
  fs.writeFileSync(p, content);
  return p;
}

test('a malformed camera file is refused with the entry and field named, and the previous inventory stays', async ({
  page,
}) => {
  await page.goto(host.url);
  await loginDemo(page);
  await expect(page.getByTestId('tile-0')).toHaveAttribute('data-camera-id', '1');
  const bad = JSON.stringify({
    cameras: [
      { id: 1, name: 'Parvis', site: 'Mairie', streams: { main: 'rtsp://10.0.0.1/a' } },
      { id: 2, name: 'Quai', streams: { main: 'http://10.0.0.2/b' } },
      { id: 1, name: 'Doublon', site: 'Gare', streams: { main: 'rtsp://10.0.0.3/c' } },
    ],
  });
  await page.getByTestId('import-file').setInputFiles(file('annexe.json', bad));
  const banner = page.getByTestId('error-banner');
  await expect(banner).toBeVisible();
  await expect(banner).toContainText('l’inventaire précédent reste en vigueur');
  await expect(banner).toContainText('entrée 2 (caméra 2), champ « site » : champ obligatoire manquant');
  await expect(banner).toContainText(
    'entrée 2 (caméra 2), champ « flux principal » : adresse de flux invalide',
  );
  await expect(banner).toContainText('entrée 3 (caméra 1), champ « numéro (id) » : numéro 1 déjà utilisé');
  await expect(page.getByTestId('import-dialog')).toHaveCount(0);
  // Nothing lost: same cameras, same tiles, still playing.
  await expect(page.getByTestId('camera-18')).toBeVisible();
  await expect(page.getByTestId('tile-0')).toHaveAttribute('data-camera-id', '1');
  await expect(page.getByTestId('tile-0')).toHaveAttribute('data-state', 'playing', { timeout: 30_000 });

  // Unreadable JSON too.
  await page.getByTestId('import-file').setInputFiles(file('casse.json', '{ "cameras": [ { "id": 1, '));
  await expect(banner).toContainText('JSON illisible');
});

// Before the CSV import below, which replaces the demo inventory (and with it the demo account).
test('the English console shows errors, file problems and registry events in English, with no French', async ({
  page,
}) => {
  await page.goto(host.url);
  await loginDemo(page);
  await page.getByTestId('lang-switch').click();
  await page.getByTestId('nav-admin').click();
  await expect(page.getByTestId('import-button')).toHaveText('Import a camera list');
  const french = /[éèêàâçùûô«»]| :|entrée|champ|caméra|Erreur|Connexion/i;

  // A refused file: main sends codes and the problems' locations; the banner words them in English.
  const bad = JSON.stringify({
    cameras: [
      { id: 1, name: 'Parvis', site: 'Mairie', streams: { main: 'rtsp://10.0.0.1/a' } },
      { id: 2, name: 'Quai', streams: { main: 'rtsp://10.0.0.2/b' } },
      { id: 1, name: 'Doublon', site: 'Gare', streams: { main: 'rtsp://10.0.0.3/c' } },
    ],
  });
  await page.getByTestId('import-file').setInputFiles(file('annex.json', bad));
  const banner = page.getByTestId('error-banner');
  await expect(banner).toHaveAttribute('data-code', 'invalid_inventory');
  await expect(banner).toContainText(
    'Camera file “annex.json” refused; the previous inventory stays in force.',
  );
  await expect(banner).toContainText('entry 2 (camera 2), field “site”: required field missing');
  await expect(banner).toContainText('entry 3 (camera 1), field “number (id)”: number 1 already used');
  await expect(banner).not.toContainText(french);

  // Registry event names come from the English catalogue.
  await page.getByTestId('registry-button').click();
  await page.getByTestId('reg-login').fill('demo');
  await page.getByTestId('reg-show').click();
  const entries = page.getByTestId('registry-entries');
  await expect(entries.locator('tr[data-type="auth.login"]').first()).toContainText('Sign-in');
  // The consultation itself is recorded: a second look shows it.
  await page.getByTestId('reg-show').click();
  await expect(entries.locator('tr[data-type="registry.consult"]').first()).toContainText(
    'Registry consultation',
  );
  for (const label of await entries.locator('tr td:nth-child(3)').allTextContents())
    expect(label).not.toMatch(french);
  await page.getByTestId('panel-close').click();

  // A refused unlock too.
  await page.getByTestId('lock-button').click();
  await page.getByTestId('unlock-password').fill('not-the-password');
  await page.getByTestId('unlock-submit').click();
  await expect(page.getByTestId('login-error')).toHaveText('Wrong password.');
});

test('a French Excel file (Windows-1252) reads correctly; an oversized file is refused before sending', async ({
  page,
}) => {
  await page.goto(host.url);
  await loginDemo(page);
  const latin1 = (t: string): Buffer => Buffer.from(t, 'latin1');
  // "Entrée de l’hôtel" as Excel writes it: é = 0xE9, ’ = 0x92, ô = 0xF4.
  const cp1252 = Buffer.concat([
    latin1('id;name;site;main\r\n41;Entr\xe9e de l'),
    Buffer.from([0x92]),
    latin1('h\xf4tel;Mairie;demo:41\r\n'),
  ]);
  await page
    .getByTestId('import-file')
    .setInputFiles({ name: 'annexe.csv', mimeType: 'text/csv', buffer: cp1252 });
  await expect(page.getByTestId('import-added')).toContainText('41 — Entrée de l’hôtel (Mairie)');
  await page.getByTestId('import-cancel').click();

  const big = Buffer.alloc(4 * 1024 * 1024 + 1, 0x61);
  await page
    .getByTestId('import-file')
    .setInputFiles({ name: 'grand.csv', mimeType: 'text/csv', buffer: big });
  await expect(page.getByTestId('error-banner')).toContainText('Fichier trop volumineux');
  // Still connected: the demo inventory is there and a tile plays.
  await expect(page.getByTestId('camera-18')).toBeVisible();
  await expect(page.getByTestId('tile-0')).toHaveAttribute('data-state', 'playing', { timeout: 30_000 });
});

test('a CSV annex import shows the difference, asks for confirmation, then applies and keeps the trace', async ({
  page,
}) => {
  await page.goto(host.url);
  await loginDemo(page);
  const csv = [
    'id;name;site;zone;main;sub;ptz_type;ptz_url;ptz_port;ptz_address;credentialsRef;lat;lon',
    '1;Parvis mairie;Hôtel de ville;Parvis;demo:1;;;;;;;48,85;2,35',
    '2;Parking mairie;Hôtel de ville;Parking;demo:2;;pelco-d;;COM3;2;;;',
    '30;Nouvelle caméra;Gare;Quais;demo:30;;;;;;;;',
  ].join('\r\n');
  await page.getByTestId('import-file').setInputFiles(file('annexe.csv', csv));
  const dialog = page.getByTestId('import-dialog');
  await expect(dialog).toBeVisible();
  // Against the demo inventory, every real camera is new.
  await expect(page.getByTestId('import-added')).toContainText('30 — Nouvelle caméra (Gare)');
  await page.getByTestId('import-cancel').click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('camera-18')).toBeVisible();

  await page.getByTestId('import-file').setInputFiles(file('annexe.csv', csv));
  await page.getByTestId('import-confirm').click();
  // A real inventory ends the demo: its session closes and its account is gone.
  await expect(page.getByTestId('login-screen')).toBeVisible();
  await expect(page.getByTestId('login-demo')).toHaveCount(0);
  // The post is now set up: its first account is created, then the console restarts on it.
  await host.stop();
  createOperator(host.dataDir, { login: 'chef', password: 'chef-mot-de-passe', role: 'supervisor' });
  host = await startHost({ dataDir: host.dataDir });
  await page.goto(host.url);
  await login(page, 'chef', 'chef-mot-de-passe');
  await expect(page.getByTestId('camera-18')).toHaveCount(0);
  await expect(page.getByTestId('camera-30')).toBeVisible();
  await expect(page.getByTestId('demo-badge')).toHaveCount(0);
  await expect(page.getByTestId('tile-2')).toHaveAttribute('data-camera-id', '30');
  await expect(page.getByTestId('tile-2')).toHaveAttribute('data-state', 'playing', { timeout: 30_000 });

  // A second import shows only what changed, and the trace keeps both.
  const csv2 = csv.replace('30;Nouvelle caméra', '30;Caméra renommée').replace(/\r\n2;.*\r\n/, '\r\n');
  await page.getByTestId('import-file').setInputFiles(file('annexe-v2.csv', csv2));
  await expect(page.getByTestId('import-removed')).toContainText('2 — Parking mairie');
  await expect(page.getByTestId('import-changed')).toContainText(
    'name « Nouvelle caméra » → « Caméra renommée »',
  );
  await expect(page.getByTestId('import-added')).toHaveCount(0);
  await page.getByTestId('import-confirm').click();
  await expect(page.getByTestId('camera-2')).toHaveCount(0);

  const history = fs
    .readFileSync(path.join(host.dataDir, 'inventory-history.jsonl'), 'utf8')
    .trim()
    .split('\n');
  expect(history).toHaveLength(2);
  expect(JSON.parse(history[1]!).source).toBe('annexe-v2.csv');
  // The next tests start again on a post never set up (demo cameras and account).
  await host.stop();
  host = await startHost();
});
