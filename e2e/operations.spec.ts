/**
 * Issue 12, special operations (article 3), in the browser host with real streams: starting an
 * operation puts its preset on the wall page and its cameras on the console, and tags their viewing
 * sessions in the registry; bad input gets a clear error and changes nothing; at the planned end the
 * supervisor is asked to close or extend it, and both work; a raw local client gets nothing through.
 */
import { expect, test, type Page } from '@playwright/test';
import { createOperator, login, startHost, syntheticInventory, type Host } from '../test-support/e2e/host';
import { RawIpc } from '../test-support/e2e/raw-ipc';

const SUP = { login: 'superviseur', password: 'sup-mot-de-passe', role: 'supervisor', name: 'Anne Garde' };
const AGENT = { login: 'agent', password: 'agent-mot-de-passe', role: 'viewer' };
const PRESET = 'Recherche gare';
let host: Host;
let kiosk: string;

interface Entry {
  seq: number;
  type: string;
  login: string;
  cameraId: number | null;
  surface: string | null;
  data: string;
}

async function registry(): Promise<(Entry & { d: Record<string, unknown> })[]> {
  const ipc = await RawIpc.open(host.url);
  try {
    expect((await ipc.call('auth:login', { login: SUP.login, password: SUP.password })).ok).toBe(true);
    const q = await ipc.call('registry:query', {});
    expect(q.ok).toBe(true);
    const entries = (q.value as { entries: Entry[] }).entries;
    // The registry panel pages newest first: the story is read oldest first.
    return entries
      .map((e) => ({ ...e, d: JSON.parse(e.data) as Record<string, unknown> }))
      .sort((a, b) => a.seq - b.seq);
  } finally {
    ipc.close();
  }
}

test.beforeAll(async () => {
  host = await startHost({ cameras: syntheticInventory(6) });
  createOperator(host.dataDir, SUP);
  createOperator(host.dataDir, AGENT);
  await expect.poll(() => host.output()).toContain('/wall#key=');
  kiosk = /(http:\/\/127\.0\.0\.1:\d+\/wall#key=[\w-]+)/.exec(host.output())![1]!;
  // The wall preset the operation will use: cameras 4 and 5 on a 2x2; then the wall shows something else.
  const ipc = await RawIpc.open(host.url);
  expect((await ipc.call('auth:login', { login: SUP.login, password: SUP.password })).ok).toBe(true);
  const tiles = [4, 5].map((cameraId) => ({ cameraId, tour: null }));
  expect((await ipc.call('wall:apply', { kind: 'push', layout: '2x2', tiles })).ok).toBe(true);
  expect((await ipc.call('wall:preset-save', { name: PRESET })).ok).toBe(true);
  const other = [{ cameraId: 1, tour: null }];
  expect((await ipc.call('wall:apply', { kind: 'push', layout: '1', tiles: other })).ok).toBe(true);
  ipc.close();
});
test.afterAll(async () => {
  await host.stop();
});

/** A datetime-local value, in the page's own time zone, `ms` from now. */
const localIn = (page: Page, ms: number): Promise<string> =>
  page.evaluate((delta) => {
    const d = new Date(Date.now() + delta);
    const p = (n: number) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
  }, ms);

async function fill(
  page: Page,
  o: { name: string; requester: string; cameras: string; preset?: string; endInMs?: number; endAt?: string },
): Promise<void> {
  await page.getByTestId('operation-name').fill(o.name);
  await page.getByTestId('operation-kind').selectOption('missing');
  await page.getByTestId('operation-requester').fill(o.requester);
  await page.getByTestId('operation-legal-ref').fill('REQ-2026-0042');
  await page.getByTestId('operation-cameras').fill(o.cameras);
  if (o.preset) await page.getByTestId('operation-preset').selectOption(o.preset);
  await page.getByTestId('operation-start-at').fill(await localIn(page, -1000));
  if (o.endAt !== undefined) await page.getByTestId('operation-end-at').fill(o.endAt);
  else if (o.endInMs !== undefined)
    await page.getByTestId('operation-end-at').fill(await localIn(page, o.endInMs));
}

const row = (page: Page, name: string) =>
  page.locator('[data-testid^="operation-row-"]').filter({ hasText: name });
const idOf = async (page: Page, name: string): Promise<number> =>
  Number((await row(page, name).getAttribute('data-testid'))!.replace('operation-row-', ''));

async function openPanel(page: Page): Promise<void> {
  await page.goto(host.url);
  await login(page, SUP.login, SUP.password);
  await page.getByTestId('operations-button').click();
  await expect(page.getByTestId('operations-panel')).toBeVisible();
}

test('starting an operation puts its preset on the wall, its cameras on the console, and tags their viewing', async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  const wallCtx = await browser.newContext();
  const wall = await wallCtx.newPage();
  await wall.goto(kiosk);
  await expect(wall.getByTestId('wall-mosaic')).toHaveAttribute('data-layout', '1');

  await openPanel(page);
  await fill(page, {
    name: 'Disparition Lucas',
    requester: 'OPJ Durand, commissariat central',
    cameras: '5, 6',
    preset: PRESET,
    endInMs: 2 * 3_600_000,
  });
  await page.getByTestId('operation-submit').click();
  await expect(row(page, 'Disparition Lucas')).toHaveAttribute('data-state', 'running');
  const id = await idOf(page, 'Disparition Lucas');
  await page.getByTestId('panel-close').click();

  // The console: the operation's cameras, on the smallest grid that holds them; they play.
  await expect(page.getByTestId('mosaic')).toHaveAttribute('data-layout', '2x2');
  await expect(page.getByTestId('tile-0')).toHaveAttribute('data-camera-id', '5');
  await expect(page.getByTestId('tile-1')).toHaveAttribute('data-camera-id', '6');
  for (const i of [0, 1])
    await expect(page.getByTestId(`tile-${i}`)).toHaveAttribute('data-state', 'playing', { timeout: 45_000 });
  // The wall page: the preset.
  await expect(wall.getByTestId('wall-mosaic')).toHaveAttribute('data-layout', '2x2');
  await expect(wall.getByTestId('wall-tile-0')).toHaveAttribute('data-camera-id', '4');
  await expect(wall.getByTestId('wall-tile-1')).toHaveAttribute('data-camera-id', '5');
  await expect(wall.getByTestId('wall-tile-1')).toHaveAttribute('data-state', 'playing', { timeout: 45_000 });

  // The registry: the start with the agreed data; viewing of its cameras tagged, of others not.
  const entries = await registry();
  const start = entries.find((e) => e.type === 'operation.start' && e.d.operationId === id);
  expect(start?.login).toBe(SUP.login);
  expect(start?.d).toMatchObject({
    name: 'Disparition Lucas',
    kind: 'missing',
    requester: 'OPJ Durand, commissariat central',
    legalRef: 'REQ-2026-0042',
    cameras: [5, 6],
    preset: PRESET,
  });
  const after = entries.filter((e) => e.seq > start!.seq && e.type === 'view.start');
  const ofCamera = (c: number, surface: string) =>
    after.filter((e) => e.cameraId === c && e.surface === surface);
  for (const [c, surface] of [
    [5, 'console-tile'],
    [6, 'console-tile'],
    [5, 'wall-tile'],
  ] as const) {
    expect(ofCamera(c, surface).length, `view.start of ${c} on ${surface}`).toBeGreaterThan(0);
    for (const e of ofCamera(c, surface))
      expect(e.d).toMatchObject({ operationId: id, operation: 'Disparition Lucas' });
  }
  expect(ofCamera(4, 'wall-tile').length).toBeGreaterThan(0);
  for (const e of ofCamera(4, 'wall-tile')) expect(e.d.operationId).toBeUndefined();
  await wallCtx.close();
});

test('an operation without a requester, or ending before its start, gets a clear error and changes nothing', async ({
  page,
}) => {
  await openPanel(page);
  const before = await registry();

  await fill(page, { name: 'Sans demandeur', requester: '', cameras: '2', endInMs: 3_600_000 });
  await page.getByTestId('operation-submit').click();
  await expect(page.getByTestId('operation-error')).toHaveText(
    'Le demandeur est obligatoire : indiquez qui demande l’opération.',
  );

  await fill(page, {
    name: 'À rebours',
    requester: 'OPJ Martin',
    cameras: '2',
    endAt: await localIn(page, -3_600_000),
  });
  await page.getByTestId('operation-submit').click();
  await expect(page.getByTestId('operation-error')).toHaveText('La fin prévue doit être après le début.');
  // In English too.
  await page.getByTestId('panel-close').click();
  await page.getByTestId('lang-switch').click();
  await page.getByTestId('operations-button').click();
  await fill(page, { name: 'No requester', requester: ' ', cameras: '2', endInMs: 3_600_000 });
  await page.getByTestId('operation-submit').click();
  await expect(page.getByTestId('operation-error')).toHaveText(
    'The requester is required: say who asks for the operation.',
  );

  for (const name of ['Sans demandeur', 'À rebours', 'No requester'])
    await expect(row(page, name)).toHaveCount(0);
  const added = (await registry()).filter(
    (e) => e.seq > before.at(-1)!.seq && e.type.startsWith('operation.'),
  );
  expect(added).toEqual([]);
});

test('at the planned end the supervisor is asked to close or extend; extend and close both work', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await openPanel(page);
  // A short planned end: the prompt comes from main's timer, and the test waits on the DOM.
  await fill(page, { name: 'Filature courte', requester: 'OPJ Roux', cameras: '3', endInMs: 6_000 });
  await page.getByTestId('operation-submit').click();
  await expect(row(page, 'Filature courte')).toHaveAttribute('data-state', 'running');
  const first = await idOf(page, 'Filature courte');
  const prompt = page.getByTestId(`operation-due-${first}`);
  await expect(prompt).toBeVisible({ timeout: 30_000 });
  await expect(prompt).toContainText('Filature courte');
  await expect(row(page, 'Filature courte')).toHaveAttribute('data-state', 'due');

  // Extend by 60 minutes: running again, no prompt.
  await prompt.getByTestId('operation-extend').click();
  await expect(row(page, 'Filature courte')).toHaveAttribute('data-state', 'running');
  await expect(prompt).toHaveCount(0);

  // A second one, closed from its prompt.
  await fill(page, { name: 'Recherche éclair', requester: 'OPJ Roux', cameras: '2', endInMs: 6_000 });
  await page.getByTestId('operation-submit').click();
  const second = await idOf(page, 'Recherche éclair');
  const prompt2 = page.getByTestId(`operation-due-${second}`);
  await expect(prompt2).toBeVisible({ timeout: 30_000 });
  await prompt2.getByTestId('operation-close').click();
  // Closing ends the operation for everyone: the console asks first (issue 20).
  await page.getByTestId('confirm-ok').click();
  await expect(row(page, 'Recherche éclair')).toHaveAttribute('data-state', 'closed');
  await expect(prompt2).toHaveCount(0);

  const ops = (await registry()).filter((e) => e.type.startsWith('operation.'));
  const story = (id: number) => ops.filter((e) => e.d.operationId === id).map((e) => e.type);
  expect(story(first)).toEqual(['operation.start', 'operation.due', 'operation.extend']);
  expect(story(second)).toEqual(['operation.start', 'operation.due', 'operation.close']);
  expect(ops.find((e) => e.type === 'operation.close')?.d).toEqual({ operationId: second, early: false });

  // A viewer has no operations button (main refuses him the channel: the raw client test).
  await page.getByTestId('panel-close').click();
  await page.getByTestId('logout-button').click();
  await login(page, AGENT.login, AGENT.password);
  await expect(page.getByTestId('operations-button')).toHaveCount(0);
});

test('a raw local client gets validation errors for malformed operations, nothing is recorded, the host still answers', async () => {
  const before = await registry();
  const ipc = await RawIpc.open(host.url);
  const anon = await ipc.call('operations:create', {});
  expect(anon.error?.code).toBe('unauthenticated');
  expect((await ipc.call('auth:login', { login: AGENT.login, password: AGENT.password })).ok).toBe(true);
  expect((await ipc.call('operations:list')).error?.code).toBe('forbidden');
  await ipc.call('auth:logout');
  expect((await ipc.call('auth:login', { login: SUP.login, password: SUP.password })).ok).toBe(true);
  const good = {
    name: 'X',
    kind: 'other',
    requester: 'OPJ',
    legalRef: 'R-1',
    cameras: [1],
    preset: null,
    startAt: new Date().toISOString(),
    plannedEnd: new Date(Date.now() + 3_600_000).toISOString(),
  };
  const hostile: unknown[] = [
    null,
    'operation',
    [],
    { ...good, cameras: 'all' },
    { ...good, cameras: [1, -2] },
    { ...good, cameras: Array.from({ length: 1000 }, (_, i) => i + 1) },
    { ...good, kind: 'raid' },
    { ...good, name: 'x'.repeat(100_000) },
    { ...good, admin: true },
    { ...good, startAt: 12 },
    { ...good, preset: { $ne: null } },
  ];
  for (const p of hostile) {
    const r = await ipc.call('operations:create', p);
    expect(r.error?.code, JSON.stringify(p).slice(0, 80)).toBe('invalid_payload');
  }
  // Well-formed but wrong: the domain's reasons.
  const bad = async (p: unknown) => (await ipc.call('operations:create', p)).error?.params?.reason;
  expect(await bad({ ...good, requester: '   ' })).toBe('requester');
  // A character the text rule refuses is named with its field (issue 18), before any domain check.
  expect((await ipc.call('operations:create', { ...good, requester: '\u0000' })).error).toEqual({
    code: 'text_invalid',
    params: { field: 'requester', reason: 'control' },
  });
  expect(await bad({ ...good, cameras: [999] })).toBe('unknown_camera');
  expect(await bad({ ...good, preset: '../../etc/passwd' })).toBe('preset');
  expect(await bad({ ...good, plannedEnd: good.startAt })).toBe('end_before_start');
  expect((await ipc.call('operations:extend', { id: 1e9, plannedEnd: good.plannedEnd })).error?.code).toBe(
    'operation_unknown',
  );
  expect((await ipc.call('operations:close', { id: '1; DROP TABLE operations' })).error?.code).toBe(
    'invalid_payload',
  );
  expect((await ipc.call('app:info')).ok).toBe(true);
  ipc.close();
  const added = (await registry()).filter(
    (e) => e.seq > before.at(-1)!.seq && e.type.startsWith('operation.'),
  );
  expect(added).toEqual([]);
});
