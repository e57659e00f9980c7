/**
 * The annual report computed from what the post really writes: two days played through the
 * product's services (report-scenario.fixture.ts), then the report's own handlers compute it in a
 * worker thread and export its CSV and PDF. Only the hostile-input checks write rows by hand.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { ReportFigures, ReportView } from '../../../common/contract';
import { SqliteIncidentStore } from '../../desk/incidents/incident-store';
import { incidentsHandlers } from '../../desk/incidents/incidents-handlers';
import { EventHub } from '../../platform/ipc/router';
import { postJobRunner } from '../../app/post-jobs';
import { openRegistry } from '../registry/open-registry';
import type { Registry } from '../registry/registry';
import type { Transition } from '../../video/streams/status-history';
import { chartOption, renderChartSvg } from './charts';
import { availability, ReportAccumulator, type ReportPeriod, type ReportRow } from './report-compute';
import { reportHandlers } from './report-handlers';
import {
  AGENT,
  day,
  EXPECTED,
  OPERATION_NAME,
  scenarioDir,
} from '../../../test-support/records/report-scenario';

const HOSTILE = '<script>alert(1)</script> & « œ »';
const CAMERAS = [1, 2, 3, 4].map((id) => ({
  id,
  name: id === 2 ? HOSTILE : `Caméra n° ${id} — Hôtel de ville`,
  site: 'Mairie',
}));
const PERIOD = { from: '2026-03-02', to: '2026-03-03' };

interface Post {
  dir: string;
  registry: Registry;
  handlers: ReturnType<typeof reportHandlers>;
  close(): Promise<void>;
}

function openReport(dir: string): Post {
  const registry = openRegistry(dir);
  const runner = postJobRunner(dir, registry.keys);
  const handlers = reportHandlers({
    dataDir: dir,
    registry,
    events: new EventHub(),
    post: 'CIC-1',
    cameras: () => CAMERAS,
    actor: () => AGENT,
    runner,
  });
  return {
    dir,
    registry,
    handlers,
    close: async () => {
      await runner.close();
      registry.close();
    },
  };
}

async function compute(p: Post, period = PERIOD): Promise<ReportView> {
  const r = await p.handlers['report:run'].handle(period, { clientId: 'chef' });
  assert.ok(r.ok, JSON.stringify(r));
  return r.value;
}

let post: Post;
let figures: ReportFigures;

before(async () => {
  post = openReport(await scenarioDir(CAMERAS));
  figures = (await compute(post)).figures;
});
after(() => post.close());

test('special operations are counted, with the viewing hours of their cameras while they ran', () => {
  const o = figures.operations;
  assert.deepEqual(
    { total: o.total, extensions: o.extensions, closedEarly: o.closedEarly },
    { total: 1, extensions: 1, closedEarly: 1 },
  );
  assert.deepEqual(o.byKind, [{ kind: 'missing', count: 1 }]);
  const item = o.items[0]!;
  // The operations service's own id (a number), as its entries and the viewing tags carry it.
  assert.equal(typeof item.operationId, 'number');
  assert.equal(item.name, OPERATION_NAME);
  assert.equal(item.cameras, EXPECTED.operations.cameras);
  assert.equal(item.viewingHours, EXPECTED.operations.viewingHours);
  assert.equal(item.startedAt, new Date(day(2, 17)).toISOString());
  assert.equal(item.closedAt, new Date(day(2, 19)).toISOString());
  const tagged = post.registry
    .query({ types: ['view.start'] })
    .map((r) => JSON.parse(r.data) as { operationId?: unknown });
  assert.deepEqual(
    tagged.filter((d) => d.operationId !== undefined).map((d) => d.operationId),
    [item.operationId],
    'one viewing was tagged with the operation, by its number',
  );
});

test('viewing: sessions through the gateway, clipped to the period, by camera and by surface', () => {
  const v = figures.viewing;
  assert.equal(v.totalHours, EXPECTED.viewing.totalHours);
  assert.deepEqual(
    v.byCamera.map((c) => [c.cameraId, c.sessions, c.hours]),
    Object.entries(EXPECTED.viewing.byCamera).map(([id, c]) => [Number(id), c.sessions, c.hours]),
  );
  assert.equal(v.byCamera[1]?.name, HOSTILE);
  assert.deepEqual(
    Object.fromEntries(v.bySurface.map((s) => [s.surface, { sessions: s.sessions, hours: s.hours }])),
    EXPECTED.viewing.bySurface,
  );
});

test('PTZ: takeovers from grant to release, CSU notifications and their failures, refusals and overrides', () => {
  assert.deepEqual(figures.ptz, EXPECTED.ptz);
});

test('incidents by category, and requisitions, in the period only', () => {
  assert.equal(figures.incidents.total, EXPECTED.incidents.total);
  assert.equal(figures.incidents.urgent, EXPECTED.incidents.urgent);
  assert.deepEqual(
    Object.fromEntries(figures.incidents.byCategory.map((c) => [c.category, c.count])),
    EXPECTED.incidents.byCategory,
  );
  assert.deepEqual(figures.requisitions, EXPECTED.requisitions);
});

test('availability from the status history; a camera observed 15 s (0 h) gets no percentage', () => {
  assert.deepEqual(
    figures.availability.map((a) => [a.cameraId, a.observedHours, a.playingHours, a.availability]),
    Object.entries(EXPECTED.availability).map(([id, a]) => [Number(id), ...a]),
  );
});

test('CSV and PDF: what the committee reads, in French figures', async () => {
  const csv = await post.handlers['report:export'].handle({ ...PERIOD, format: 'csv' }, { clientId: 'chef' });
  assert.ok(csv.ok, JSON.stringify(csv));
  const cells = parse(fs.readFileSync(csv.value.file, 'utf8'), { bom: true, delimiter: ';' }) as string[][];
  const find = (a: string, b: string, c: string) =>
    cells.find((r) => r[0] === a && r[1] === b && r[2] === c)?.[3];
  assert.equal(find('disponibilité', '1 — Caméra n° 1 — Hôtel de ville', 'disponibilité (%)'), '83,3');
  assert.equal(find('disponibilité', '4 — Caméra n° 4 — Hôtel de ville', 'disponibilité (%)'), '');
  assert.equal(find('opérations spéciales', 'total', 'nombre'), '1');
  assert.equal(find('opération', OPERATION_NAME, 'heures de visionnage'), '1');
  assert.equal(find('visionnage par surface', 'Console (tuile)', 'heures'), '3,5');
  assert.equal(find('prises de contrôle PTZ', 'total', 'durée totale (heures)'), '0,5');
  for (const r of cells) for (const c of r) assert.doesNotMatch(c, /^[=+\-@]/);

  const pdf = await post.handlers['report:export'].handle({ ...PERIOD, format: 'pdf' }, { clientId: 'chef' });
  assert.ok(pdf.ok, JSON.stringify(pdf));
  const text = execFileSync('pdftotext', ['-layout', pdf.value.file, '-'], { encoding: 'utf8' });
  assert.match(text, /1 opération\(s\), 1 prolongation\(s\), 1 close\(s\) avant le terme/);
  assert.match(text, /Recherche « Léa »/);
  assert.match(text, /83,3 %/);
  assert.match(text, /4 — Caméra n° 4 — Hôtel de ville\s+0\s+0\s+non observée/);
  assert.doesNotMatch(text, /\d\.\d/, 'no decimal point in a French document');
});

test('charts: ECharts escapes a hostile camera name in its SVG, French text kept', () => {
  const svg = renderChartSvg(chartOption('viewing-camera', figures));
  assert.match(svg, /^<svg/);
  assert.doesNotMatch(svg, /<script/);
  assert.ok(svg.includes('&lt;script&gt;alert(1)&lt;/script&gt; &amp; « œ »'), svg);
  assert.ok(svg.includes('Heures de visionnage par caméra'));
});

test('CSV: a hostile incident category (from the instructions) stays text', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-report-csv-'));
  const registry = openRegistry(dir);
  const store = new SqliteIncidentStore(dir);
  const hostile = '=HYPERLINK("http://x")';
  const filed = await incidentsHandlers({
    store,
    registry,
    events: new EventHub(),
    actor: () => AGENT,
    categories: () => [hostile],
    knownCamera: () => true,
  })['incidents:report'].handle(
    {
      category: hostile,
      urgency: 'normal',
      cameras: [1],
      occurredAt: new Date().toISOString(),
      description: 'x',
    },
    { clientId: 'console' },
  );
  assert.ok(filed.ok, JSON.stringify(filed));
  store.close();
  registry.close();
  const p = openReport(dir);
  try {
    const today = new Date().toLocaleDateString('sv-SE'); // AAAA-MM-JJ, local
    const csv = await p.handlers['report:export'].handle(
      { from: today, to: today, format: 'csv' },
      { clientId: 'c' },
    );
    assert.ok(csv.ok, JSON.stringify(csv));
    const cells = parse(fs.readFileSync(csv.value.file, 'utf8'), { bom: true, delimiter: ';' }) as string[][];
    assert.ok(
      cells.some((r) => r[0] === 'signalements par catégorie' && r[1] === `'${hostile}` && r[3] === '1'),
      'formula neutralised',
    );
  } finally {
    await p.close();
  }
});

// Hostile input cannot come through the services: these rows are written as an attacker would.
const T0 = Date.parse('2026-03-01T00:00:00Z');
const H = 3_600_000;
const period: ReportPeriod = { fromMs: T0, toMs: T0 + 24 * H, nowMs: T0 + 100 * H };

test('malformed registry data is skipped, never thrown; a string where a number belongs is no operation', () => {
  const row = (type: string, data: string, at = new Date(T0 + H).toISOString()): ReportRow => ({
    at,
    type,
    cameraId: 1,
    surface: 'console-tile',
    data,
  });
  const acc = new ReportAccumulator(period);
  for (const r of [
    row('view.start', 'not json'),
    row('incident.report', '[1,2]'),
    row('requisition', '{}', 'never'),
    row('operation.start', JSON.stringify({ operationId: 'op1', name: 'x', kind: 'other' })),
    row('operation.start', JSON.stringify({ operationId: -3, name: 'x', kind: 'other' })),
  ])
    acc.add(r);
  const f = acc.figures(new Map(), [], { post: 'p', from: 'a', to: 'b' });
  assert.equal(f.viewing.totalHours, 0);
  assert.deepEqual(f.incidents.byCategory, [{ category: '—', count: 1 }]);
  assert.equal(f.requisitions.total, 0);
  assert.equal(f.operations.total, 0);
});

test('availability: transitions at the same instant and out of order are taken in time order; a period still running counts until now', () => {
  const tr = (at: number, state: Transition['state']): Transition => ({
    cameraId: 1,
    at,
    state,
    reason: null,
  });
  const a = availability(period, [
    tr(T0 + 2 * H, 'offline'),
    tr(T0, 'playing'),
    tr(T0 + 2 * H, 'playing'),
    tr(T0 + 4 * H, 'idle'),
  ]);
  assert.equal(a.get(1)?.observedMs, 4 * H);
  assert.deepEqual(availability({ ...period, nowMs: T0 + 6 * H }, [tr(T0 - H, 'playing')]).get(1), {
    observedMs: 6 * H,
    playingMs: 6 * H,
  });
});
