/**
 * A year of registry without pausing the video: the panel pages a large seeded registry newest
 * first, shows the merged time slots viewed, and verifies it in a worker thread, with progress,
 * while the console's tiles keep playing.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { seedRegistry } from '../test-support/records/registry-seed';
import { createOperator, login, startHost, syntheticInventory, type Host } from '../test-support/e2e/host';
import { RawIpc } from '../test-support/e2e/raw-ipc';

const CHEF = { login: 'chef', password: 'chef-mot-de-passe', role: 'head', name: 'Marc Petit' };
/** Big enough that a verification takes seconds on this machine, small enough to seed quickly. */
const ROWS = 60_000;
const DAY = 86_400_000;
let host: Host;
let witnessDay: string;

test.describe.configure({ mode: 'serial' });
test.setTimeout(480_000);

test.beforeAll(async () => {
  test.setTimeout(300_000); // seeding, on a loaded CI machine
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-regpaging-'));
  createOperator(dataDir, CHEF);
  const now = Date.now();
  // Sessions a witness viewed two days ago, which the test knows: cameras 7 and 8.
  const t0 = now - 2 * DAY;
  witnessDay = new Date(t0).toISOString().slice(0, 10);
  const who = { login: 'temoin', name: 'Jeanne Témoin', rank: 'Brigadière', service: 'CIC Sud' };
  const view = (min: number, type: 'view.start' | 'view.end', cameraId: number, viewId: string) => ({
    at: new Date(t0 + min * 60_000).toISOString(),
    type,
    ...who,
    cameraId,
    surface: 'console-tile',
    data: JSON.stringify({ viewId }),
  });
  const extra = [
    view(0, 'view.start', 7, 'w1'),
    view(5, 'view.start', 8, 'w2'),
    view(10, 'view.end', 7, 'w1'),
    view(10, 'view.start', 7, 'w3'), // touches w1
    view(12, 'view.start', 8, 'w4'), // overlaps w2
    view(15, 'view.end', 8, 'w2'),
    view(20, 'view.end', 7, 'w3'),
    view(25, 'view.end', 8, 'w4'),
    view(30, 'view.start', 7, 'w5'), // after a gap: a slot of its own
    view(40, 'view.end', 7, 'w5'),
  ].sort((a, b) => a.at.localeCompare(b.at));
  seedRegistry(dataDir, {
    rows: ROWS,
    from: new Date(now - 365 * DAY).toISOString(),
    to: new Date(t0 - 60_000).toISOString(),
    extra,
  });
  host = await startHost({ dataDir, cameras: syntheticInventory(4) });
});
test.afterAll(async () => {
  await host?.stop();
});

test('the panel pages a year of registry newest first, and shows the merged time slots viewed', async ({
  page,
}) => {
  await page.goto(host.url);
  await login(page, CHEF.login, CHEF.password);
  await page.getByTestId('registry-button').click();
  await page.getByTestId('reg-from').fill(new Date(Date.now() - 400 * DAY).toISOString().slice(0, 10));
  await page.getByTestId('reg-show').click();
  const info = page.getByTestId('registry-page-info');
  await expect(info).toHaveAttribute('data-page', '0', { timeout: 60_000 });
  const seqs = async () =>
    await page
      .getByTestId('registry-entries')
      .locator('tr')
      .evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-seq'))));
  const first = await seqs();
  expect(first).toHaveLength(100);
  expect(first).toEqual([...first].sort((a, b) => b - a));
  expect(first[0]).toBeGreaterThan(ROWS);
  await expect(page.getByTestId('registry-prev-page')).toBeDisabled();

  await page.getByTestId('registry-next-page').click();
  await expect(info).toHaveAttribute('data-page', '1', { timeout: 60_000 });
  const second = await seqs();
  expect(second[0]).toBe(first.at(-1)! - 1);
  await expect(info).toContainText('Entrées 101 à 200');
  await page.getByTestId('registry-next-page').click();
  await expect(info).toHaveAttribute('data-page', '2', { timeout: 60_000 });
  await page.getByTestId('registry-prev-page').click();
  await expect(info).toHaveAttribute('data-page', '1', { timeout: 60_000 });
  expect(await seqs()).toEqual(second);
  await page.getByTestId('registry-prev-page').click();
  await expect(info).toHaveAttribute('data-page', '0', { timeout: 60_000 });
  expect(await seqs()).toEqual(first);

  // The witness's sessions, merged per camera and operator: touching and overlapping ones join.
  await page.getByTestId('reg-from').fill(witnessDay);
  await page.getByTestId('reg-login').fill('temoin');
  await page.getByTestId('reg-show').click();
  await expect(page.getByTestId('registry-slots').locator('tbody tr')).toHaveCount(3, { timeout: 60_000 });
  const slot = (i: number) => page.getByTestId(`registry-slot-${i}`);
  await expect(slot(0)).toHaveAttribute('data-camera-id', '7');
  await expect(slot(0)).toHaveAttribute('data-sessions', '1');
  await expect(slot(1)).toHaveAttribute('data-camera-id', '8');
  await expect(slot(1)).toHaveAttribute('data-sessions', '2');
  await expect(slot(2)).toHaveAttribute('data-camera-id', '7');
  await expect(slot(2)).toHaveAttribute('data-sessions', '2');
  await expect(slot(2)).toContainText('Jeanne Témoin — Brigadière, CIC Sud');
  const minutes = async (i: number) => {
    const [s, e] = await Promise.all([slot(i).getAttribute('data-start'), slot(i).getAttribute('data-end')]);
    return (Date.parse(e!) - Date.parse(s!)) / 60_000;
  };
  expect(await minutes(2)).toBe(20); // 0–10 and 10–20 touch
  expect(await minutes(1)).toBe(20); // 5–15 and 12–25 overlap
  expect(await minutes(0)).toBe(10);
  for (let i = 0; i < 3; i++) await expect(slot(i)).toHaveAttribute('data-open', 'false');

  // The head's own tiles are being viewed now: open slots, ending now.
  await page.getByTestId('reg-from').fill(new Date().toISOString().slice(0, 10));
  await page.getByTestId('reg-login').fill('chef');
  await page.getByTestId('reg-show').click();
  await expect(page.getByTestId('registry-slots').locator('tbody tr[data-open="true"]').first()).toBeVisible({
    timeout: 60_000,
  });
});

test('a verification of the large registry shows its progress and result, and no tile leaves playing', async ({
  page,
}) => {
  await page.goto(host.url);
  await login(page, CHEF.login, CHEF.password);
  for (let i = 0; i < 4; i++)
    await expect(page.getByTestId(`tile-${i}`)).toHaveAttribute('data-state', 'playing', { timeout: 60_000 });
  // Every state a tile takes from now on is recorded in the page.
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { tileStates: string[] }).tileStates = seen;
    for (let i = 0; i < 4; i++) {
      const tile = document.querySelector(`[data-testid="tile-${i}"]`)!;
      new MutationObserver(() => seen.push(`${i}:${tile.getAttribute('data-state')}`)).observe(tile, {
        attributes: true,
        attributeFilter: ['data-state'],
      });
    }
  });
  await page.getByTestId('registry-button').click();
  await page.getByTestId('registry-verify').click();
  const progress = page.locator('[data-testid="registry-progress"][data-job="registry.verify"]');
  await expect(progress).toBeVisible();
  await expect
    .poll(async () => Number((await progress.getAttribute('data-fraction').catch(() => null)) ?? 1), {
      timeout: 60_000,
    })
    .toBeGreaterThan(0);
  const result = page.getByTestId('registry-verify-result');
  await expect(result).toHaveAttribute('data-ok', 'true', { timeout: 120_000 });
  await expect(result).toContainText(/Registre intègre : \d+ entrées vérifiées/);
  await expect(progress).toHaveCount(0);
  const states = await page.evaluate(() => (window as unknown as { tileStates: string[] }).tileStates);
  expect(states.filter((s) => !s.endsWith(':playing'))).toEqual([]);
  for (let i = 0; i < 4; i++)
    await expect(page.getByTestId(`tile-${i}`)).toHaveAttribute('data-state', 'playing');
});

test('job progress reaches only the console that asked; malformed paging is refused and the host answers', async () => {
  const [a, b] = await Promise.all([RawIpc.open(host.url), RawIpc.open(host.url)]);
  try {
    for (const c of [a, b])
      expect((await c.call('auth:login', { login: CHEF.login, password: CHEF.password })).ok).toBe(true);
    const v = await a.call('registry:verify');
    expect(v.ok).toBe(true);
    const progress = (c: RawIpc) => c.pushes.filter((p) => p.event === 'jobs:progress');
    expect(progress(a).length).toBeGreaterThan(0);
    expect(progress(a).every((p) => (p.payload as { job: string }).job === 'registry.verify')).toBe(true);
    expect(progress(b)).toEqual([]);
    for (const [channel, payload] of [
      ['registry:query', { before: 5, after: 3 }],
      ['registry:query', { before: 'x' }],
      ['registry:query', { upTo: -4 }],
      ['registry:slots', { page: -1 }],
      ['registry:slots', { page: 'all' }],
      ['registry:slots', { cameraId: 1, extra: true }],
    ] as const) {
      const r = await b.call(channel, payload);
      expect(r.error?.code, `${channel} ${JSON.stringify(payload)}`).toBe('invalid_payload');
    }
    const page = await b.call('registry:query', { cameraId: 1 });
    expect(page.ok).toBe(true);
    expect((page.value as { entries: { cameraId: number }[] }).entries.every((e) => e.cameraId === 1)).toBe(
      true,
    );
  } finally {
    a.close();
    b.close();
  }
});
