/** The annual report's figures: clipped to the period, open sessions counted until its end, CSV and charts. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import { availability, ReportAccumulator, type ReportPeriod, type ReportRow } from './report-compute';
import { chartOption, renderChartSvg } from './charts';
import { reportCsv } from './report-csv';
import type { Transition } from '../streams/status-history';

const H = 3_600_000;
const T0 = Date.parse('2026-03-01T00:00:00Z');
const period: ReportPeriod = { fromMs: T0, toMs: T0 + 24 * H, nowMs: T0 + 100 * H };
const iso = (ms: number): string => new Date(ms).toISOString();
const row = (at: number, type: string, data: object, over: Partial<ReportRow> = {}): ReportRow => ({
  at: iso(at),
  type,
  cameraId: 1,
  surface: 'console-tile',
  data: JSON.stringify(data),
  ...over,
});
const tr = (cameraId: number, at: number, state: Transition['state']): Transition => ({
  cameraId,
  at,
  state,
  reason: state === 'offline' ? 'unreachable' : null,
});

function figures(rows: ReportRow[], transitions: Transition[] = [], p = period) {
  const acc = new ReportAccumulator(p);
  for (const r of rows) acc.add(r);
  return acc.figures(new Map([[1, 'Place « Bellecour »']]), transitions, {
    post: 'CIC',
    from: '2026-03-01',
    to: '2026-03-01',
  });
}

test('availability: playing over observed time, idle not observed, clipped to the period', () => {
  const a = availability(period, [
    // Camera 1 played from 2 h before the period; offline 1 h; idle (unwatched) 10 h; playing to the end.
    tr(1, T0 - 2 * H, 'playing'),
    tr(1, T0 + 3 * H, 'offline'),
    tr(1, T0 + 4 * H, 'idle'),
    tr(1, T0 + 14 * H, 'connecting'),
    tr(1, T0 + 14.5 * H, 'playing'),
    // Transitions after the period's end change nothing.
    tr(1, T0 + 30 * H, 'offline'),
    // Camera 2: never watched in the period.
    tr(2, T0 - 5 * H, 'idle'),
  ]);
  assert.deepEqual(a.get(1), { observedMs: 14 * H, playingMs: 12.5 * H });
  assert.deepEqual(a.get(2), { observedMs: 0, playingMs: 0 });
  const f = figures([], [tr(1, T0 - 2 * H, 'playing'), tr(1, T0 + 6 * H, 'offline'), tr(2, T0, 'idle')]);
  assert.equal(f.availability[0]?.availability, 0.25);
  assert.equal(f.availability[0]?.observedHours, 24);
  assert.equal(f.availability[1]?.availability, null, 'an unwatched camera is not counted as down');
});

test('availability: transitions at the same instant and out of order are taken in time order', () => {
  const a = availability(period, [
    tr(1, T0 + 2 * H, 'offline'),
    tr(1, T0, 'playing'),
    tr(1, T0 + 2 * H, 'playing'),
    tr(1, T0 + 4 * H, 'idle'),
  ]);
  assert.equal(a.get(1)?.observedMs, 4 * H);
});

test('availability: a period still running counts until now, not until its end', () => {
  const p = { ...period, nowMs: T0 + 6 * H };
  assert.deepEqual(availability(p, [tr(1, T0 - H, 'playing')]).get(1), {
    observedMs: 6 * H,
    playingMs: 6 * H,
  });
});

test('viewing: sessions clipped to the period, open ones until its end, by camera and surface', () => {
  const f = figures([
    row(T0 - 2 * H, 'view.start', { viewId: 'a' }), // 2 h before, 1 h inside
    row(T0 + H, 'view.end', { viewId: 'a' }),
    row(T0 + 10 * H, 'view.start', { viewId: 'b' }, { surface: 'wall-tile', cameraId: 2 }),
    row(T0 + 12 * H, 'view.end', { viewId: 'b' }, { surface: 'wall-tile', cameraId: 2 }),
    row(T0 + 20 * H, 'view.start', { viewId: 'c' }), // never ended: 4 h to the period's end
    row(T0 - 5 * H, 'view.start', { viewId: 'd' }), // ended before the period: not counted
    row(T0 - 4 * H, 'view.end', { viewId: 'd' }),
    row(T0 + 30 * H, 'view.start', { viewId: 'e' }), // after: ignored
  ]);
  assert.equal(f.viewing.totalHours, 7);
  assert.deepEqual(f.viewing.byCamera, [
    { cameraId: 1, name: 'Place « Bellecour »', sessions: 2, hours: 5 },
    { cameraId: 2, name: 'Caméra 2', sessions: 1, hours: 2 },
  ]);
  assert.deepEqual(f.viewing.bySurface, [
    { surface: 'console-tile', sessions: 2, hours: 5 },
    { surface: 'wall-tile', sessions: 1, hours: 2 },
  ]);
});

test('PTZ: grants, duration grant → end (or expiry), notifications, failures, refusals', () => {
  const f = figures([
    row(T0 + H, 'ptz.notify', { ok: true }),
    row(T0 + H, 'ptz.notify', { ok: false, failure: 'timeout' }),
    row(T0 + H, 'ptz.grant', { leaseId: 'l1', expiresAt: iso(T0 + 1.5 * H) }),
    row(T0 + 1.2 * H, 'ptz.extend', { leaseId: 'l1', expiresAt: iso(T0 + 3 * H) }),
    row(T0 + 2 * H, 'ptz.release', { leaseId: 'l1' }), // 1 h
    row(T0 + 5 * H, 'ptz.grant', { leaseId: 'l2', expiresAt: iso(T0 + 5.5 * H) }), // no end recorded: 0.5 h
    row(T0 - 0.5 * H, 'ptz.grant', { leaseId: 'l0', expiresAt: iso(T0 + H) }), // granted before: 0.25 h inside
    row(T0 + 0.25 * H, 'ptz.preempt', { leaseId: 'l0' }),
    row(T0 + 6 * H, 'ptz.refuse', { why: 'held' }),
    row(T0 + 6 * H, 'ptz.override', { reason: 'failed' }),
  ]);
  assert.deepEqual(f.ptz, {
    grants: 2,
    hours: 1.75,
    notifications: 2,
    notificationsFailed: 1,
    refusals: 1,
    overrides: 1,
  });
});

test('incidents by category, operations and requisitions in the period only', () => {
  const inc = (at: number, category: string, urgency = 'normal') =>
    row(at, 'incident.report', { incidentId: 'x', category, urgency, cameras: [1] });
  const f = figures([
    inc(T0 + H, 'Rixe'),
    inc(T0 + 2 * H, 'Rixe', 'urgent'),
    inc(T0 + 3 * H, 'Dégradation'),
    inc(T0 - H, 'Rixe'),
    row(T0 + H, 'operation.start', {
      operationId: 'o1',
      name: 'Opération « Œillet »',
      kind: 'missing',
      cameras: [1, 2],
    }),
    row(T0 + 1.5 * H, 'view.start', { viewId: 'v', operationId: 'o1' }),
    row(T0 + 3.5 * H, 'view.end', { viewId: 'v' }),
    row(T0 + 4 * H, 'operation.extend', { operationId: 'o1', plannedEnd: iso(T0 + 8 * H) }),
    row(T0 + 5 * H, 'operation.close', { operationId: 'o1', early: true }),
    row(T0 + 2 * H, 'requisition', { number: 'RJ-1', copyRequested: true }),
    row(T0 + 3 * H, 'requisition', { number: 'RJ-2', copyRequested: false }),
    row(T0 + 25 * H, 'requisition', { number: 'RJ-3', copyRequested: true }),
  ]);
  assert.deepEqual(f.incidents, {
    total: 3,
    urgent: 1,
    byCategory: [
      { category: 'Rixe', count: 2 },
      { category: 'Dégradation', count: 1 },
    ],
  });
  assert.equal(f.operations.total, 1);
  assert.equal(f.operations.extensions, 1);
  assert.equal(f.operations.closedEarly, 1);
  assert.deepEqual(f.operations.byKind, [{ kind: 'missing', count: 1 }]);
  assert.equal(f.operations.items[0]?.viewingHours, 2);
  assert.equal(f.operations.items[0]?.closedAt, iso(T0 + 5 * H));
  assert.deepEqual(f.requisitions, { total: 2, copiesRequested: 1 });
});

test('malformed registry data is skipped, never thrown', () => {
  const f = figures([
    { ...row(T0 + H, 'view.start', {}), data: 'not json' },
    { ...row(T0 + H, 'incident.report', {}), data: '[1,2]' },
    { ...row(T0 + H, 'requisition', {}), at: 'never' },
  ]);
  assert.equal(f.viewing.totalHours, 0);
  assert.deepEqual(f.incidents.byCategory, [{ category: '—', count: 1 }]);
  assert.equal(f.requisitions.total, 0);
});

test('CSV: one figure per line, decimal comma, a hostile camera name stays text', () => {
  const f = figures(
    [row(T0, 'view.start', { viewId: 'a' }), row(T0 + 1.5 * H, 'view.end', { viewId: 'a' })],
    [tr(1, T0, 'playing'), tr(1, T0 + 12 * H, 'offline')],
  );
  f.incidents.byCategory = [{ category: '=HYPERLINK("x")', count: 1 }];
  const cells = parse(reportCsv(f), { bom: true, delimiter: ';' }) as string[][];
  assert.deepEqual(cells[0], ['rubrique', 'élément', 'indicateur', 'valeur']);
  const find = (a: string, c: string) => cells.find((r) => r[0] === a && r[2] === c)?.[3];
  assert.equal(find('disponibilité', 'disponibilité (%)'), '50');
  assert.equal(find('disponibilité', 'heures observées'), '24');
  assert.equal(find('visionnage par caméra', 'heures'), '1,5');
  assert.equal(find('signalements par catégorie', 'nombre'), '1');
  assert.ok(
    cells.some((r) => r[1] === `'=HYPERLINK("x")`),
    'formula neutralised',
  );
  for (const r of cells) for (const c of r) assert.doesNotMatch(c, /^[=+\-@]/);
});

test('charts: ECharts escapes a hostile camera name in its SVG, French text kept', () => {
  const f = figures(
    [row(T0, 'view.start', { viewId: 'a' }), row(T0 + H, 'view.end', { viewId: 'a' })],
    [tr(1, T0, 'playing')],
  );
  f.viewing.byCamera[0]!.name = '<script>alert(1)</script> & « œ »';
  const svg = renderChartSvg(chartOption('viewing-camera', f));
  assert.match(svg, /^<svg/);
  assert.doesNotMatch(svg, /<script/);
  assert.ok(svg.includes('&lt;script&gt;alert(1)&lt;/script&gt; &amp; « œ »'), svg);
  assert.ok(svg.includes('Heures de visionnage par caméra'));
});
