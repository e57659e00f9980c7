/**
 * Issue 20, the shell as an operator meets it: the keyboard of a CCTV desk (arrows, layouts and
 * workspaces by shortcut, one visible target for a typed number), one notification model (an error
 * in the pane that caused it, in the current language; a notice that expires), forms that say what
 * they need in the console's words, confirmations, the accounts' states, the way back to one's own
 * mosaic after an operation, the map's reference points placed on the plan, and dates and numbers in
 * the console's language whatever the browser's locale.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { png } from '../test-support/desk/png';
import { createOperator, login, startHost, syntheticInventory, type Host } from '../test-support/e2e/host';
import { RawIpc } from '../test-support/e2e/raw-ipc';

const HEAD = { login: 'chef', password: 'chef-mot-de-passe', role: 'head', name: 'Claire Chef' };
const SUP = { login: 'sup', password: 'sup-mot-de-passe', role: 'supervisor', name: 'Marc Petit' };
const TECH = { login: 'tech', password: 'tech-mot-de-passe', role: 'technician' };
const PTZ_CAMERA = 5;

let host: Host;
let dir: string;

test.beforeAll(async () => {
  const cameras = syntheticInventory(5, {
    site: 'Mairie',
    ptz: PTZ_CAMERA,
    more: (id) => (id <= 2 ? { lat: 48.85 + id / 1000, lon: 2.35 + id / 1000 } : {}),
  });
  dir = path.dirname(cameras);
  fs.writeFileSync(path.join(dir, 'plan.png'), png(400, 300));
  host = await startHost({ cameras });
  for (const o of [HEAD, SUP, TECH]) createOperator(host.dataDir, o);
  createOperator(host.dataDir, {
    login: 'ancien',
    password: 'ancien-mot-de-passe',
    role: 'viewer',
    from: '2020-01-01',
    until: '2021-01-01',
  });
  createOperator(host.dataDir, { login: 'bloque', password: 'bloque-mot-de-passe', role: 'viewer' });
});
test.afterAll(async () => {
  await host.stop();
});

const target = (page: Page) => page.locator('[data-target="true"]');

async function call(page: Page, tile: number, camera: number): Promise<void> {
  await page.getByTestId(`tile-${tile}`).click();
  await page.keyboard.type(String(camera));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId(`tile-${tile}`)).toHaveAttribute('data-camera-id', String(camera));
}

test('the keyboard of a CCTV desk: arrows, layouts and workspaces by shortcut, one target for a typed number', async ({
  page,
}) => {
  await page.goto(host.url);
  await login(page, SUP.login, SUP.password);
  await page.getByTestId('layout-4x4').click();
  await page.getByTestId('tile-0').click();
  await expect(target(page)).toHaveCount(1);
  await expect(target(page)).toHaveAttribute('data-testid', 'tile-0');
  // Arrows move the selected tile across the grid; the number typed goes where the highlight is.
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowDown');
  await expect(target(page)).toHaveAttribute('data-testid', 'tile-5');
  await expect(page.getByTestId('entry-target')).toHaveText('→ tuile 6 de la console');
  await page.keyboard.type('2');
  await expect(page.getByTestId('camera-entry')).toContainText('2');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('tile-5')).toHaveAttribute('data-camera-id', '2');

  // Layouts by shortcut (Ctrl+Shift+N, the layouts in the order shown).
  await page.keyboard.press('Control+Shift+Digit2');
  await expect(page.getByTestId('mosaic')).toHaveAttribute('data-layout', '2x2');
  await page.keyboard.press('Control+Shift+Digit4');
  await expect(page.getByTestId('mosaic')).toHaveAttribute('data-layout', '4x4');

  // A wall tile chosen in the miniature becomes the only target; the console's tile lets go.
  await page.keyboard.press('Control+Digit2');
  await expect(page.getByTestId('nav-wall')).toHaveAttribute('aria-current', 'page');
  await expect(page.getByTestId('wall-no-page')).toBeVisible(); // no kiosk page connected: it says so
  await page.getByTestId('wall-layout-2x2').click();
  await page.getByTestId('wall-mini-tile-1').click();
  await expect(target(page)).toHaveCount(1);
  await expect(target(page)).toHaveAttribute('data-testid', 'wall-mini-tile-1');
  await expect(page.getByTestId('entry-target')).toHaveText('→ tuile 2 du mur');
  await page.keyboard.press('ArrowDown'); // the arrows move the wall's target now
  await expect(target(page)).toHaveAttribute('data-testid', 'wall-mini-tile-3');
  await page.keyboard.type('3');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('wall-mini-tile-3')).toHaveAttribute('data-camera-id', '3');
  await expect(page.getByTestId('tile-5')).toHaveAttribute('data-camera-id', '2');
  // Escape lets the wall tile go first (the console's tile is the target again), then closes the wall.
  await page.keyboard.press('Escape');
  await expect(target(page)).toHaveAttribute('data-testid', 'tile-3'); // 2×2 kept it within its 4 tiles
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('wall-panel')).toHaveCount(0);

  // Workspaces by shortcut, Escape back to the live view; `?` lists the keys.
  await page.keyboard.press('Control+Digit3');
  await expect(page.getByTestId('registry-panel')).toBeVisible();
  await expect(page.getByTestId('mosaic')).toBeVisible(); // docked beside it, not over it
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('registry-panel')).toHaveCount(0);
  await expect(page.getByTestId('nav-live')).toHaveAttribute('aria-current', 'page');
  await page.keyboard.press('?');
  await expect(page.getByTestId('shortcuts')).toContainText('Ctrl+Maj+2');
  await expect(page.getByTestId('shortcuts')).toContainText('Échap');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('shortcuts')).toHaveCount(0);

  // The PTZ pane shows only for a camera that moves.
  await call(page, 0, 1);
  await expect(page.getByTestId('ptz-panel')).toHaveCount(0);
  await expect(page.getByTestId('ptz-none')).toBeVisible();
  await call(page, 0, PTZ_CAMERA);
  await expect(page.getByTestId('ptz-panel')).toHaveAttribute('data-camera-id', String(PTZ_CAMERA));
  // Its take form speaks the console's language: no browser bubble.
  await page.getByTestId('ptz-take').click();
  await page.getByTestId('ptz-take-confirm').click();
  await expect(page.getByTestId('ptz-event-ref-error')).toHaveText('À renseigner.');
  await expect(page.getByTestId('ptz-event-reason-error')).toHaveText('À renseigner.');
  expect(await page.getByTestId('ptz-event-ref').evaluate((i: HTMLInputElement) => i.validationMessage)).toBe(
    '',
  );
  await page.getByTestId('lang-switch').click();
  await expect(page.getByTestId('ptz-event-ref-error')).toHaveText('Required.');
  await page.getByTestId('lang-switch').click();
});

test('an error shows in the pane that caused it, follows the language, and a success clears it; a notice expires', async ({
  page,
}) => {
  await page.goto(host.url);
  await login(page, HEAD.login, HEAD.password);
  await page.getByTestId('nav-admin').click();
  await page.getByTestId('operators-button').click();
  const pane = page.getByTestId('operators-panel');
  for (const [k, v] of Object.entries({
    login: 'court',
    name: 'Ana Diaz',
    rank: 'Brigadier',
    service: 'CIC',
  }))
    await page.getByTestId(`op-${k}`).fill(v);
  await page.getByTestId('op-password').fill('court');
  await page.getByTestId('op-submit').click();
  await expect(pane.getByTestId('error-banner')).toContainText('Mot de passe trop court');
  await expect(page.getByTestId('error-banner')).toHaveCount(1); // nowhere else
  await page.getByTestId('lang-switch').click();
  await expect(pane.getByTestId('error-banner')).not.toContainText('Mot de passe');
  await expect(pane.getByTestId('error-banner')).toContainText(/password/i);
  await page.getByTestId('lang-switch').click();
  await page.getByTestId('op-password').fill('un-mot-de-passe-long');
  await page.getByTestId('op-submit').click();
  await expect(page.getByTestId('operators-message')).toBeVisible();
  await expect(page.getByTestId('error-banner')).toHaveCount(0);

  // A transient notice is a toast, and it goes by itself.
  await page.getByTestId('nav-wall').click();
  await page.getByTestId('wall-preset-name').fill('Nuit calme');
  await page.getByTestId('wall-preset-save').click();
  await expect(page.getByTestId('toast')).toContainText('Préréglage « Nuit calme » enregistré');
  await expect(page.getByTestId('toast')).toHaveCount(0, { timeout: 15_000 });
});

test('Comptes shows locked, expired and disabled accounts, with its columns named; unblock and disable ask first and go to the registry', async ({
  page,
}) => {
  const ipc = await RawIpc.open(host.url);
  for (let i = 0; i < 5; i++) await ipc.call('auth:login', { login: 'bloque', password: 'pas-le-bon' });
  ipc.close();
  await page.goto(host.url);
  await login(page, HEAD.login, HEAD.password);
  await page.getByTestId('nav-admin').click();
  await page.getByTestId('operators-button').click();
  const list = page.getByTestId('operators-list');
  await expect(list.locator('thead th')).toHaveText([
    'Identifiant',
    'Nom',
    'Grade ou qualité',
    'Service',
    'Rôle',
    'Habilitation',
    'État',
    'Actions',
  ]);
  await expect(page.getByTestId('account-state-bloque')).toHaveAttribute('data-state', 'locked');
  await expect(page.getByTestId('account-state-bloque')).toContainText(
    /Bloqué jusqu’au \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/,
  );
  await expect(page.getByTestId('account-state-ancien')).toHaveAttribute('data-state', 'expired');
  await expect(page.getByTestId('account-state-ancien')).toHaveText('Habilitation expirée');
  await expect(page.getByTestId('account-state-chef')).toHaveText('Actif');

  // Unblocking asks first; Cancel leaves the block in force.
  await page.getByTestId('account-unlock-bloque').click();
  await expect(page.getByTestId('confirm')).toContainText('Débloquer le compte « bloque » ?');
  await page.getByTestId('confirm-cancel').click();
  await expect(page.getByTestId('account-state-bloque')).toHaveAttribute('data-state', 'locked');
  await page.getByTestId('account-unlock-bloque').click();
  await page.getByTestId('confirm-ok').click();
  await expect(page.getByTestId('account-state-bloque')).toHaveAttribute('data-state', 'active');
  await expect(page.getByTestId('toast')).toContainText('Compte « bloque » débloqué.');
  await expect(page.getByTestId('account-unlock-bloque')).toHaveCount(0);
  const bloque = await RawIpc.open(host.url);
  expect((await bloque.call('auth:login', { login: 'bloque', password: 'bloque-mot-de-passe' })).ok).toBe(
    true,
  );

  // Disabling ends the open session and refuses the next login; the head cannot disable himself.
  await expect(page.getByTestId('account-disable-chef')).toHaveCount(0);
  await page.getByTestId('account-disable-bloque').click();
  await expect(page.getByTestId('confirm')).toContainText('ses sessions ouvertes se ferment');
  await page.getByTestId('confirm-ok').click();
  await expect(page.getByTestId('account-state-bloque')).toHaveAttribute('data-state', 'disabled');
  await expect(page.getByTestId('account-state-bloque')).toContainText(
    /Désactivé depuis le \d{2}\/\d{2}\/\d{4}/,
  );
  const status = await bloque.call('auth:status');
  expect((status.value as { session: unknown }).session).toBe(null);
  const refused = await bloque.call('auth:login', { login: 'bloque', password: 'bloque-mot-de-passe' });
  expect(refused.error?.params?.reason).toBe('disabled');
  await page.getByTestId('account-enable-bloque').click();
  await page.getByTestId('confirm-ok').click();
  await expect(page.getByTestId('account-state-bloque')).toHaveAttribute('data-state', 'active');
  expect((await bloque.call('auth:login', { login: 'bloque', password: 'bloque-mot-de-passe' })).ok).toBe(
    true,
  );
  bloque.close();

  // Each is in the registry, in the head's name.
  await page.getByTestId('nav-registry').click();
  await page.getByTestId('reg-show').click();
  const registry = page.getByTestId('registry-entries');
  for (const label of ['Déblocage de compte', 'Désactivation de compte', 'Réactivation de compte'])
    await expect(registry.getByText(label).first()).toBeVisible();
});

test('an operation shows its cameras, the operator goes back to his mosaic; closing one asks first', async ({
  page,
}) => {
  await page.goto(host.url);
  await login(page, SUP.login, SUP.password);
  await page.getByTestId('layout-1+5').click();
  await call(page, 0, 4);
  await page.getByTestId('nav-operations').click();
  await expect(page.getByTestId('operations-panel').locator('thead th')).toHaveCount(0); // none yet
  await page.getByTestId('operation-name').fill('Recherche Lina');
  await page.getByTestId('operation-requester').fill('OPJ Durand');
  await page.getByTestId('operation-legal-ref').fill('REQ-2026-7');
  await page.getByTestId('operation-cameras').fill('1, 2');
  await expect(page.getByTestId('operation-start-at')).toHaveValue(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
  await page.getByTestId('operation-submit').click();
  await expect(page.getByTestId('mosaic')).toHaveAttribute('data-layout', '2x2');
  await expect(page.getByTestId('tile-0')).toHaveAttribute('data-camera-id', '1');
  const row = page.locator('[data-testid^="operation-row-"]').filter({ hasText: 'Recherche Lina' });
  await expect(page.getByTestId('operations-panel').locator('thead th').first()).toHaveText('Nom');

  // Back to the operator's own mosaic.
  await page.getByTestId('mosaic-restore').click();
  await expect(page.getByTestId('mosaic')).toHaveAttribute('data-layout', '1+5');
  await expect(page.getByTestId('tile-0')).toHaveAttribute('data-camera-id', '4');
  await expect(page.getByTestId('mosaic-restore')).toHaveCount(0);

  // Closing asks; cancel keeps it running, confirm closes it.
  const id = (await row.getAttribute('data-testid'))!.replace('operation-row-', '');
  await page.getByTestId(`operation-close-${id}`).click();
  await expect(page.getByTestId('confirm')).toContainText('Recherche Lina');
  await page.getByTestId('confirm-cancel').click();
  await expect(row).toHaveAttribute('data-state', 'running');
  await page.getByTestId(`operation-close-${id}`).click();
  await page.keyboard.press('Escape'); // Escape is no, too
  await expect(page.getByTestId('confirm')).toHaveCount(0);
  await expect(row).toHaveAttribute('data-state', 'running');
  await page.getByTestId(`operation-close-${id}`).click();
  await page.getByTestId('confirm-ok').click();
  await expect(row).toHaveAttribute('data-state', 'closed');
});

test('the incident form marks what it needs and names what is missing; with no instructions it says so', async ({
  page,
}) => {
  await page.goto(host.url);
  await login(page, SUP.login, SUP.password);
  await page.getByTestId('incident-new').click();
  const form = page.getByTestId('incident-form');
  await expect(form.getByTestId('incident-no-instructions')).toHaveText(
    'Aucune consigne commune importée : aucune catégorie disponible.',
  );
  await expect(form.locator('.required')).toHaveCount(4);
  await form.getByTestId('incident-cameras').selectOption([]);
  await form.getByTestId('incident-time').fill('2026-13-40 99:00');
  await form.getByTestId('incident-submit').click();
  await expect(form.getByTestId('incident-category-error')).toHaveText('À renseigner.');
  await expect(form.getByTestId('incident-cameras-error')).toHaveText('À renseigner.');
  await expect(form.getByTestId('incident-time-error')).toContainText('Date et heure invalides');
  await expect(form.getByTestId('incident-description-error')).toHaveText('À renseigner.');
  await expect(page.getByTestId('incidents-panel')).toHaveCount(0);
});

test('map reference points are placed by clicking on the plan, then given their latitude and longitude', async ({
  page,
}) => {
  await page.goto(host.url);
  await login(page, TECH.login, TECH.password);
  await page.getByTestId('map-toggle').click();
  await page.getByTestId('map-import-file').setInputFiles(path.join(dir, 'plan.png'));
  const plan = page.getByTestId('map-import-preview');
  await expect(plan).toBeVisible();
  const box = (await plan.boundingBox())!;
  // Pixels (100, 75) and (300, 225) of the 400×300 plan, wherever it is drawn.
  await plan.click({ position: { x: box.width / 4, y: box.height / 4 } });
  await plan.click({ position: { x: (box.width * 3) / 4, y: (box.height * 3) / 4 } });
  // Where the clicks landed, in the plan's own pixels (a screen pixel is more than one of the plan's).
  const placed = async (i: number): Promise<{ x: number; y: number }> => {
    const m = /x (\d+), y (\d+)/.exec((await page.getByTestId(`map-ref-point-${i}`).textContent()) ?? '');
    return { x: Number(m?.[1]), y: Number(m?.[2]) };
  };
  const [p1, p2] = [await placed(0), await placed(1)];
  for (const [p, want] of [
    [p1, { x: 100, y: 75 }],
    [p2, { x: 300, y: 225 }],
  ] as const) {
    expect(Math.abs(p.x - want.x)).toBeLessThanOrEqual(3);
    expect(Math.abs(p.y - want.y)).toBeLessThanOrEqual(3);
  }
  await page.getByTestId('map-import-submit').click();
  await expect(page.getByTestId('map-ref-points-error')).toContainText('Point 1');
  await page.getByTestId('map-ref-lat-0').fill('48,851');
  await page.getByTestId('map-ref-lon-0').fill('2,351');
  await page.getByTestId('map-ref-lat-1').fill('48.852');
  await page.getByTestId('map-ref-lon-1').fill('2.352');
  await page.getByTestId('map-import-submit').click();
  await expect(page.getByTestId('map-panel')).toHaveAttribute('data-kind', 'plan');
  await expect(page.getByTestId('map-plan')).toHaveAttribute('src', /^blob:/);
  const ipc = await RawIpc.open(host.url);
  await ipc.call('auth:login', { login: TECH.login, password: TECH.password });
  const view = (await ipc.call('map:get')).value as {
    points: { x: number; y: number; lat: number; lon: number }[];
  };
  ipc.close();
  expect(view.points).toEqual([
    { ...p1, lat: 48.851, lon: 2.351 },
    { ...p2, lat: 48.852, lon: 2.352 },
  ]);
});

test('a browser set to American English still shows the console’s own dates, numbers and 24-hour clock', async ({
  browser,
}) => {
  const ctx = await browser.newContext({ locale: 'en-US', timezoneId: 'Europe/Paris' });
  const page = await ctx.newPage();
  await page.goto(host.url);
  await login(page, SUP.login, SUP.password);
  await expect(page.getByTestId('clock')).toHaveText(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2}$/);
  await page.getByTestId('incident-new').click();
  await expect(page.getByTestId('incident-time')).toHaveValue(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
  expect(await page.getByTestId('incident-time').getAttribute('type')).toBe('text');
  await expect(page.getByTestId('incident-form')).toContainText(
    /(lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche) \d{1,2} \S+ \d{4}, \d{2}:\d{2}:\d{2}/,
  );
  await page.getByTestId('lang-switch').click();
  await expect(page.getByTestId('incident-form')).toContainText(
    /(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),? \d{1,2} \S+ \d{4}, \d{2}:\d{2}:\d{2}/,
  );
  await expect(page.getByTestId('clock')).not.toContainText(/AM|PM/);
  await ctx.close();
});

test('joystick buttons are mapped in the technician’s settings: a camera call, kept by main for the post', async ({
  page,
}) => {
  await page.goto(host.url);
  await login(page, TECH.login, TECH.password);
  await page.getByTestId('nav-admin').click();
  await page.getByTestId('input-settings-button').click();
  const buttons = page.getByTestId('input-buttons');
  // The post's defaults: buttons 2 and 3 step through the cameras.
  await expect(page.getByTestId('input-button-3-action')).toHaveValue('next-camera');
  await expect(page.getByTestId('input-button-add')).toBeDisabled();
  await page.getByTestId('input-button-new').fill('3');
  await expect(buttons.getByTestId('disabled-reason')).toHaveText('Ce bouton a déjà une action.');
  await page.getByTestId('input-button-new').fill('5');
  await page.getByTestId('input-button-add').click();
  await page.getByTestId('input-button-5-action').selectOption('call-camera');
  await page.getByTestId('input-button-5-number').fill('4');
  await page.getByTestId('input-button-2-remove').click();
  await page.getByTestId('input-save').click();
  await expect(page.getByTestId('input-saved')).toBeVisible();

  const ipc = await RawIpc.open(host.url);
  await ipc.call('auth:login', { login: TECH.login, password: TECH.password });
  const saved = await ipc.call('ptz:settings-get');
  ipc.close();
  expect((saved.value as { buttons: unknown }).buttons).toEqual({
    '3': { action: 'next-camera' },
    '5': { action: 'call-camera', camera: 4 },
  });
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('input-settings-panel')).toHaveCount(0);
  await page.getByTestId('nav-admin').click();
  await page.getByTestId('input-settings-button').click();
  await expect(page.getByTestId('input-button-5-number')).toHaveValue('4');
  await expect(page.getByTestId('input-button-2-action')).toHaveCount(0);
});
