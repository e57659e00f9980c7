/**
 * The annual follow-up report (article 6): two days of a post's life played through the product's
 * own services (main/report/report-scenario.fixture.ts), whose figures the test knows; the head of
 * service computes the report for that period from the console, and the figures are checked on
 * screen, in the CSV and in the PDF's text (pdftotext).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { parse } from 'csv-parse/sync';
import { expect, test } from '@playwright/test';
import { createOperator, login, startHost, type Host } from '../test-support/e2e/host';
import { RawIpc } from '../test-support/e2e/raw-ipc';
import { OPERATION_NAME, playReportScenario } from '../test-support/records/report-scenario';

const CHEF = { login: 'chef', password: 'chef-mot-de-passe', role: 'head', name: 'Marc Petit' };
const AGENT = { login: 'agent', password: 'agent-mot-de-passe', role: 'viewer' };
const HOSTILE = 'Quai <script>alert(1)</script> & « Œuvre »';
const CAMERAS = [1, 2, 3, 4].map((id) => ({
  id,
  name: id === 2 ? HOSTILE : `Caméra n° ${id} — Hôtel de ville`,
  site: 'Mairie',
  zone: 'Essais',
  streams: { main: `demo:${id}` },
}));

let host: Host;

test.beforeAll(async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-report-'));
  createOperator(dataDir, CHEF);
  createOperator(dataDir, AGENT);
  // Two days of the post's life played through its own services, before the host starts.
  await playReportScenario(dataDir, CAMERAS);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-inv-'));
  fs.writeFileSync(path.join(dir, 'cameras.json'), JSON.stringify({ cameras: CAMERAS }));
  host = await startHost({ dataDir, cameras: path.join(dir, 'cameras.json') });
});

test.afterAll(async () => {
  await host.stop();
});

const writtenFile = async (page: import('@playwright/test').Page, format: 'pdf' | 'csv'): Promise<string> => {
  await page.getByTestId(`report-export-${format}`).click();
  const notice = page.locator(`[data-testid="report-exported"][data-format="${format}"]`);
  await expect(notice).toBeVisible({ timeout: 30_000 });
  const file = /: (.+\.(pdf|csv))$/.exec((await notice.textContent()) ?? '')?.[1] ?? '';
  // The notice names a file of that format, written in the post's exports folder.
  expect(path.extname(file)).toBe(`.${format}`);
  expect(path.dirname(file)).toBe(path.join(host.dataDir, 'exports'));
  expect(fs.statSync(file).size).toBeGreaterThan(0);
  return file;
};

test('the head of service computes the report; screen, CSV and PDF carry the figures of the days played', async ({
  page,
}) => {
  await page.goto(host.url);
  await login(page, CHEF.login, CHEF.password);
  await page.getByTestId('report-button').click();
  await page.getByTestId('report-from').fill('2026-03-02');
  await page.getByTestId('report-to').fill('2026-03-03');
  await page.getByTestId('report-run').click();
  const panel = page.getByTestId('report-panel');
  await expect(panel).toHaveAttribute('data-state', 'done', { timeout: 30_000 });

  // On screen, in French: a decimal comma (issue 20 §7: "83.3 %" and "0.5 h" were English figures).
  await expect(page.getByTestId('report-availability-1')).toHaveText('83,3 %');
  await expect(page.getByTestId('report-availability-2')).toHaveText('100 %');
  await expect(page.getByTestId('report-availability-3')).toHaveText('66,7 %');
  // Camera 4 was observed 15 s: no percentage beside its 0 h.
  await expect(page.getByTestId('report-availability-4')).toHaveText('non observée');
  await expect(page.getByTestId('report-availability')).toContainText(HOSTILE);
  await expect(page.getByTestId('report-ptz')).toContainText('2 prise(s) accordée(s), 0,5 h au total');
  await expect(page.getByTestId('report-requisitions')).toContainText('2 réquisition(s), dont 1 copie(s)');
  // The charts are images of main's SVG (Blob URLs), drawn; the hostile name injected no markup.
  for (const name of ['availability', 'viewing-camera', 'viewing-surface', 'incidents']) {
    const img = page.getByTestId(`report-chart-${name}`);
    await expect(img).toHaveAttribute('src', /^blob:/);
    await expect.poll(() => img.evaluate((i: HTMLImageElement) => i.naturalWidth)).toBeGreaterThan(0);
  }
  expect(await page.locator('[data-testid="report-panel"] script').count()).toBe(0);

  // The CSV.
  const csvFile = await writtenFile(page, 'csv');
  const rows = parse(fs.readFileSync(csvFile, 'utf8'), { bom: true, delimiter: ';' }) as string[][];
  const value = (section: string, item: string, measure: string): string | undefined =>
    rows.find((r) => r[0] === section && r[1] === item && r[2] === measure)?.[3];
  const cam1 = '1 — Caméra n° 1 — Hôtel de ville';
  const cam2 = `2 — ${HOSTILE}`;
  expect(value('disponibilité', cam1, 'heures observées')).toBe('12');
  expect(value('disponibilité', cam1, 'heures en lecture')).toBe('10');
  expect(value('disponibilité', cam1, 'disponibilité (%)')).toBe('83,3');
  expect(value('disponibilité', cam2, 'disponibilité (%)')).toBe('100');
  expect(value('disponibilité', '3 — Caméra n° 3 — Hôtel de ville', 'disponibilité (%)')).toBe('66,7');
  expect(value('disponibilité', '4 — Caméra n° 4 — Hôtel de ville', 'heures observées')).toBe('0');
  expect(value('disponibilité', '4 — Caméra n° 4 — Hôtel de ville', 'disponibilité (%)')).toBe('');
  expect(value('visionnage', 'total', 'heures')).toBe('5');
  expect(value('visionnage par caméra', cam1, 'heures')).toBe('4');
  expect(value('visionnage par caméra', cam1, 'sessions')).toBe('3');
  expect(value('visionnage par caméra', cam2, 'heures')).toBe('1');
  expect(value('visionnage par surface', 'Console (tuile)', 'heures')).toBe('3,5');
  expect(value('visionnage par surface', 'Console (grand format)', 'heures')).toBe('0,5');
  expect(value('visionnage par surface', 'Mur d’images', 'heures')).toBe('1');
  expect(value('prises de contrôle PTZ', 'total', 'prises accordées')).toBe('2');
  expect(value('prises de contrôle PTZ', 'total', 'durée totale (heures)')).toBe('0,5');
  expect(value('prises de contrôle PTZ', 'total', 'notifications au CSU')).toBe('3');
  expect(value('prises de contrôle PTZ', 'total', 'notifications non remises')).toBe('2');
  expect(value('prises de contrôle PTZ', 'total', 'refus')).toBe('1');
  expect(value('prises de contrôle PTZ', 'total', 'dérogations')).toBe('1');
  expect(value('signalements', 'total', 'urgents')).toBe('1');
  expect(value('signalements par catégorie', 'Rixe', 'nombre')).toBe('2');
  expect(value('signalements par catégorie', 'Dégradation de mobilier', 'nombre')).toBe('1');
  expect(value('opérations spéciales', 'total', 'nombre')).toBe('1');
  expect(value('opérations spéciales', 'total', 'prolongations')).toBe('1');
  expect(value('opérations spéciales', 'total', 'closes avant le terme')).toBe('1');
  expect(value('opération', OPERATION_NAME, 'heures de visionnage')).toBe('1');
  expect(value('réquisitions judiciaires', 'total', 'nombre')).toBe('2');
  expect(value('réquisitions judiciaires', 'total', 'copies demandées au CSU')).toBe('1');

  // The PDF: French text with every accent, the figures and the charts (their titles and axis labels).
  const pdfFile = await writtenFile(page, 'pdf');
  const text = execFileSync('pdftotext', ['-layout', pdfFile, '-']).toString();
  for (const s of [
    'Rapport annuel de suivi — article 6',
    'Convention de renvoi d’images entre la ville et l’État',
    'Période : du 02/03/2026 au 03/03/2026 inclus',
    'Établi le',
    '83,3 %',
    '66,7 %',
    'Dégradation de mobilier',
    'Recherche « Léa »',
    // The operation's kind, wrapped in its table cell.
    'Recherche d’une',
    'personne disparue',
    'Copies demandées au CSU',
    'Quai <script>alert(1)</script> & « Œuvre »',
    // Chart texts, drawn by svg-to-pdfkit with the embedded font.
    'Disponibilité par caméra (%)',
    'Heures de visionnage par surface',
    'Signalements par catégorie',
  ])
    expect(text, s).toContain(s);
  const raw = execFileSync('pdftotext', ['-raw', pdfFile, '-']).toString();
  // The availability chart as drawn: its value axis 0…100, the cameras on its category axis (the
  // hostile name as plain text), each bar labelled with its figure, then its title.
  expect(raw).toMatch(
    /0\s+20\s+40\s+60\s+80\s+100\s+Caméra n° 1 — Hôtel de ville\s+Quai <script>alert\(1\)<\/script> & « Œuvre »\s+Caméra n° 3 — Hôtel de ville\s+83,3\s+100\s+66,7\s+Disponibilité par caméra \(%\)/,
  );
  const fonts = execFileSync('pdffonts', [pdfFile]).toString();
  expect(fonts).toMatch(/DejaVuSans/);
  expect(fonts).not.toMatch(/Helvetica/);

  // Each generation is in the registry.
  const db = new DatabaseSync(path.join(host.dataDir, 'registry.db'), { readOnly: true });
  const gen = db
    .prepare("SELECT login, data FROM registry WHERE type = 'report.generate' ORDER BY seq")
    .all() as { login: string; data: string }[];
  db.close();
  expect(gen.map((g) => [g.login, (JSON.parse(g.data) as { format: string }).format])).toEqual([
    ['chef', 'screen'],
    ['chef', 'csv'],
    ['chef', 'pdf'],
  ]);
});

test('bad input: a period ending before it starts, or malformed, is refused; a viewer has no report', async () => {
  const ipc = await RawIpc.open(host.url);
  expect((await ipc.call('auth:login', { login: CHEF.login, password: CHEF.password })).ok).toBe(true);
  for (const payload of [
    { from: '2026-03-03', to: '2026-03-02' },
    { from: '2026-02-30', to: '2026-03-02' },
    { from: '2026-03-01' },
    { from: '2026-03-01', to: '2026-03-02', extra: 1 },
    'x',
  ]) {
    const r = await ipc.call('report:run', payload);
    expect(r.error?.code, JSON.stringify(payload)).toBe('invalid_payload');
  }
  expect(
    (await ipc.call('report:export', { from: '2026-03-01', to: '2026-03-02', format: 'docx' })).error?.code,
  ).toBe('invalid_payload');
  // The host still answers.
  expect((await ipc.call('report:run', { from: '2026-03-02', to: '2026-03-02' })).ok).toBe(true);
  ipc.close();
  const viewer = await RawIpc.open(host.url);
  expect((await viewer.call('auth:login', { login: AGENT.login, password: AGENT.password })).ok).toBe(true);
  expect((await viewer.call('report:run', { from: '2026-03-02', to: '2026-03-02' })).error?.code).toBe(
    'forbidden',
  );
  viewer.close();
});
