/**
 * Issue 12, the offline site map: a technician imports a plan image with two reference points
 * (one without any is refused in words and changes nothing); an operator sees one marker per
 * camera with coordinates, where the reference points put it, with the camera's state; cameras
 * without coordinates are listed apart; a click selects the camera; a marker dragged onto a console
 * tile or a wall miniature tile shows the camera there. A folder of tiles is served from main tile by
 * tile. Raw local clients get validation errors, never a file.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { png } from '../test-support/desk/png';
import { createOperator, login, startHost, type Host } from '../test-support/e2e/host';
import { RawIpc } from '../test-support/e2e/raw-ipc';

const TECH = { login: 'tech', password: 'tech-mot-de-passe', role: 'technician' };
const SUP = { login: 'superviseur', password: 'sup-mot-de-passe', role: 'supervisor' };
const AGENT = { login: 'agent', password: 'agent-mot-de-passe', role: 'viewer' };

/** The plan: 800 × 600 pixels, two reference points. */
const W = 800;
const H = 600;
const P1 = { x: 100, y: 100, lat: 48.851, lon: 2.349 };
const P2 = { x: 700, y: 500, lat: 48.847, lon: 2.357 };
/** Where each placed camera must land on the plan, whatever the transform's code: on a reference
 * point, or midway between the two (any similarity or affine map keeps midpoints). */
const PLACED: Record<number, { lat: number; lon: number; x: number; y: number }> = {
  1: P1,
  2: P2,
  3: { lat: (P1.lat + P2.lat) / 2, lon: (P1.lon + P2.lon) / 2, x: 400, y: 300 },
};

let host: Host;
let dir: string;

test.beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-map-e2e-'));
  const cameras = [1, 2, 3, 4, 5].map((id) => ({
    id,
    name: `Synthèse ${id}`,
    site: 'Mairie',
    zone: 'Essais',
    streams: { main: `demo:${id}` },
    ...(PLACED[id] && { lat: PLACED[id].lat, lon: PLACED[id].lon }),
  }));
  fs.writeFileSync(path.join(dir, 'cameras.json'), JSON.stringify({ cameras }));
  fs.writeFileSync(path.join(dir, 'plan.png'), png(W, H));
  host = await startHost({ cameras: path.join(dir, 'cameras.json') });
  for (const o of [TECH, SUP, AGENT]) createOperator(host.dataDir, o);
});
test.afterAll(async () => {
  await host.stop();
});

async function center(l: Locator): Promise<{ x: number; y: number }> {
  const b = await l.boundingBox();
  expect(b).not.toBeNull();
  return { x: b!.x + b!.width / 2, y: b!.y + b!.height / 2 };
}

/** A marker's position in plan pixels, read from the screen. */
async function planPixel(page: Page, id: number): Promise<{ x: number; y: number }> {
  const img = await page.getByTestId('map-plan').boundingBox();
  const c = await center(page.getByTestId(`map-marker-${id}`));
  return { x: ((c.x - img!.x) * W) / img!.width, y: ((c.y - img!.y) * H) / img!.height };
}

test('a technician imports a plan; an operator places, selects and drags cameras from it', async ({
  page,
  browser,
}) => {
  test.setTimeout(150_000);
  // The technician: a plan with no reference points is refused in words, and nothing changes.
  const techCtx = await browser.newContext();
  const tech = await techCtx.newPage();
  await tech.goto(host.url);
  await login(tech, TECH.login, TECH.password);
  await tech.getByTestId('map-toggle').click();
  await expect(tech.getByTestId('map-none')).toBeVisible();
  await tech.getByTestId('map-import-file').setInputFiles(path.join(dir, 'plan.png'));
  await tech.getByTestId('map-import-submit').click();
  const banner = tech.getByTestId('error-banner');
  await expect(banner).toHaveAttribute('data-code', 'map_no_points');
  await expect(banner).toContainText('Ce plan n’a pas de points de référence');
  await expect(banner).toContainText('Rien n’a été modifié');
  await expect(tech.getByTestId('map-panel')).toHaveAttribute('data-kind', 'none');
  expect(fs.existsSync(path.join(host.dataDir, 'map', 'map.json'))).toBe(false);
  // In English too.
  await tech.getByTestId('lang-switch').click();
  await expect(banner).toContainText('This plan has no reference points');
  await tech.getByTestId('lang-switch').click();

  // With two reference points (one a line, decimal commas accepted), the plan is in force.
  await tech.getByTestId('map-ref-points').fill(`${P1.x} ${P1.y} ${P1.lat} ${P1.lon}\n700;500;48,847;2,357`);
  await tech.getByTestId('map-import-file').setInputFiles(path.join(dir, 'plan.png'));
  await tech.getByTestId('map-import-submit').click();
  await expect(tech.getByTestId('notice-banner')).toContainText('Plan du site importé');
  await expect(tech.getByTestId('map-panel')).toHaveAttribute('data-kind', 'plan');
  await expect(tech.getByTestId('map-plan')).toHaveAttribute('src', /^blob:/);
  await techCtx.close();

  // The operator: no import form, the plan, a marker per placed camera, the others apart.
  await page.goto(host.url);
  await login(page, SUP.login, SUP.password);
  await page.getByTestId('map-toggle').click();
  await expect(page.getByTestId('map-panel')).toHaveAttribute('data-kind', 'plan');
  await expect(page.getByTestId('map-import')).toHaveCount(0);
  await expect(page.getByTestId('map-plan')).toHaveAttribute('src', /^blob:/);
  await expect(page.locator('[data-testid^="map-marker-"]')).toHaveCount(3);
  await expect(page.getByTestId('map-unplaced')).toHaveAttribute('data-count', '2');
  await expect(page.getByTestId('map-unplaced-4')).toContainText('Synthèse 4');
  await expect(page.getByTestId('map-unplaced-5')).toBeVisible();
  await expect(page.getByTestId('map-marker-4')).toHaveCount(0);
  // Each marker sits where the reference points put it on the plan (within 2 plan pixels).
  for (const [id, want] of Object.entries(PLACED)) {
    await expect
      .poll(
        async () => {
          const p = await planPixel(page, Number(id));
          return Math.max(Math.abs(p.x - want.x), Math.abs(p.y - want.y));
        },
        { message: `marker ${id}` },
      )
      .toBeLessThan(2);
  }
  // The marker shows the camera's state: the one its tile shows (live, or whatever this loaded
  // machine makes of it), never "not viewed" while a tile shows it.
  await expect(page.getByTestId('tile-0')).toHaveAttribute('data-camera-id', '1');
  await expect
    .poll(
      async () => {
        const tile = await page.getByTestId('tile-0').getAttribute('data-state');
        const marker = await page.getByTestId('map-marker-1').getAttribute('data-state');
        return tile === marker ? 'same' : `tile ${tile}, marker ${marker}`;
      },
      { timeout: 45_000 },
    )
    .toBe('same');
  // Camera 4 (no coordinates) is on tile 3: its row in the unplaced list is not "not viewed" either.
  await expect(page.getByTestId('map-unplaced-4')).not.toHaveAttribute('data-state', 'idle');

  // A click selects the camera: the marker, its tile in the mosaic, its row in the tree.
  await page.getByTestId('map-marker-2').click();
  await expect(page.getByTestId('map-marker-2')).toHaveAttribute('data-selected', 'true');
  await expect(page.getByTestId('map-marker-1')).toHaveAttribute('data-selected', 'false');
  await expect(page.getByTestId('tile-1')).toHaveAttribute('data-camera-id', '2');
  await expect(page.getByTestId('tile-1')).toHaveClass(/selected/);
  await expect(page.getByTestId('camera-2')).toHaveAttribute('aria-selected', 'true');

  // Dragged onto a free console tile, a marker shows its camera there.
  await expect(page.getByTestId('tile-7')).toHaveAttribute('data-state', 'empty');
  await page.getByTestId('map-marker-3').dragTo(page.getByTestId('tile-7'));
  await expect(page.getByTestId('tile-7')).toHaveAttribute('data-camera-id', '3');
  await expect(page.getByTestId('tile-7')).not.toHaveAttribute('data-state', 'empty');
  // The map did not move under the drag: the marker is still where it belongs.
  const still = await planPixel(page, 3);
  expect(Math.abs(still.x - 400) + Math.abs(still.y - 300)).toBeLessThan(4);

  // And onto a wall miniature tile.
  await page.getByTestId('wall-toggle').click();
  await expect(page.getByTestId('wall-mini-tile-2')).toBeVisible();
  await page.getByTestId('map-marker-1').dragTo(page.getByTestId('wall-mini-tile-10'));
  await expect(page.getByTestId('wall-mini-tile-10')).toHaveAttribute('data-camera-id', '1');

  // The registry holds the import, by the technician.
  const ipc = await RawIpc.open(host.url);
  expect((await ipc.call('auth:login', { login: SUP.login, password: SUP.password })).ok).toBe(true);
  const q = await ipc.call('registry:query', {});
  const entries = (q.value as { entries: { type: string; login: string; data: string }[] }).entries;
  const imports = entries.filter((e) => e.type === 'map.import');
  expect(imports).toHaveLength(1);
  expect(imports[0]!.login).toBe(TECH.login);
  expect(JSON.parse(imports[0]!.data)).toMatchObject({ kind: 'plan', fileName: 'plan.png', points: 2 });
  expect(entries.filter((e) => e.type === 'wall.tile').length).toBeGreaterThanOrEqual(1);
  ipc.close();
});

test('raw local clients: tile requests cannot name a path, huge or hostile imports are refused, the host answers', async () => {
  const anon = await RawIpc.open(host.url);
  expect((await anon.call('map:get')).error?.code).toBe('unauthenticated');
  anon.close();

  const viewer = await RawIpc.open(host.url);
  expect((await viewer.call('auth:login', { login: AGENT.login, password: AGENT.password })).ok).toBe(true);
  expect((await viewer.call('map:get')).ok).toBe(true);
  // Only the technician's right imports.
  const refused = await viewer.call('map:import-tiles', { folder: '/tmp' });
  expect(refused.error?.code).toBe('forbidden');
  for (const bad of [
    { z: '../..', x: 0, y: 0 },
    { z: 1, x: '../../../etc/passwd', y: 0 },
    { z: 1, x: 0, y: '0.png/../../x' },
    { z: 1.5, x: 0, y: 0 },
    { z: -1, x: 0, y: 0 },
    { z: 1, x: 0, y: 0, path: '/etc/passwd' },
  ]) {
    const r = await viewer.call('map:tile', bad);
    expect(r.error?.code, JSON.stringify(bad)).toBe('invalid_payload');
  }
  // In range of the contract but outside the zoom's grid, or no tiles at all: nothing, no error.
  expect(await viewer.call('map:tile', { z: 1, x: 5, y: 0 })).toEqual({ ok: true, value: null });
  viewer.close();

  const tech = await RawIpc.open(host.url);
  expect((await tech.call('auth:login', { login: TECH.login, password: TECH.password })).ok).toBe(true);
  const before = await tech.call('map:get');
  // No reference points: refused in words, the plan in force stays.
  const noPoints = await tech.call('map:import-plan', {
    fileName: 'autre.png',
    contentBase64: png(W, H).toString('base64'),
    points: [],
  });
  expect(noPoints.error).toEqual({ code: 'map_no_points', params: { count: 0 } });
  // A plan over the byte cap never reaches the handler.
  const big = await tech.call('map:import-plan', {
    fileName: 'big.png',
    contentBase64: 'A'.repeat(6 * 1024 * 1024),
    points: [P1, P2],
  });
  expect(big.error?.code).toBe('invalid_payload');
  // Not an image, whatever its name.
  const fake = await tech.call('map:import-plan', {
    fileName: 'plan.png',
    contentBase64: Buffer.from('<svg onload="alert(1)"/>').toString('base64'),
    points: [P1, P2],
  });
  expect(fake.error).toEqual({ code: 'map_image_invalid', params: { reason: 'format' } });
  const tooMany = await tech.call('map:import-plan', {
    fileName: 'plan.png',
    contentBase64: png(W, H).toString('base64'),
    points: [P1, P2, P1, P2],
  });
  expect(tooMany.error?.code).toBe('invalid_payload');
  // A folder that is not z/x/y.png, a relative one, one full of links.
  expect((await tech.call('map:import-tiles', { folder: '/etc' })).error?.params?.reason).toBe('shape');
  expect((await tech.call('map:import-tiles', { folder: '../../etc' })).error?.params?.reason).toBe('folder');
  const links = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-map-links-'));
  fs.mkdirSync(path.join(links, '0', '0'), { recursive: true });
  fs.symlinkSync('/etc/passwd', path.join(links, '0', '0', '0.png'));
  expect((await tech.call('map:import-tiles', { folder: links })).error?.params).toEqual({
    reason: 'symlink',
    path: '0/0/0.png',
  });
  // More than the socket takes: the socket closes, the host goes on.
  const flood = await RawIpc.open(host.url);
  const closed = new Promise((r) => flood.ws.once('close', r));
  flood.ws.send(
    JSON.stringify({ id: 1, channel: 'map:import-plan', payload: { x: 'A'.repeat(9 * 1024 * 1024) } }),
  );
  await closed;
  expect(await tech.call('map:get')).toEqual(before);
  expect((await tech.call('app:info')).ok).toBe(true);
  tech.close();
});

test('a folder of tiles: main serves each tile as bytes, markers sit at their latitude and longitude', async ({
  page,
}) => {
  const tiles = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-map-tiles-'));
  for (const [z, x, y] of [
    [0, 0, 0],
    [1, 0, 0],
    [1, 1, 0],
    [1, 0, 1],
    [1, 1, 1],
  ]) {
    fs.mkdirSync(path.join(tiles, String(z), String(x)), { recursive: true });
    fs.writeFileSync(path.join(tiles, String(z), String(x), `${y}.png`), png(256, 256));
  }
  await page.goto(host.url);
  await login(page, TECH.login, TECH.password);
  await page.getByTestId('map-toggle').click();
  await page.getByTestId('map-import-kind-tiles').check();
  await page.getByTestId('map-import-folder').fill(tiles);
  await page.getByTestId('map-import-submit').click();
  await expect(page.getByTestId('map-panel')).toHaveAttribute('data-kind', 'tiles');
  await expect(page.locator('[data-testid^="map-tile-"][src^="blob:"]').first()).toBeVisible();
  await expect(page.getByTestId('map-marker-1')).toBeVisible();
  // Paris is in the north-east quarter of the world's first tile: right of centre, above it.
  const img = await page.getByTestId('map-canvas').boundingBox();
  const m = await center(page.getByTestId('map-marker-1'));
  expect(m.x).toBeGreaterThan(img!.x + img!.width / 2);
  expect(m.y).toBeLessThan(img!.y + img!.height / 2);
});
