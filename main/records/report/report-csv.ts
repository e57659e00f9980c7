/**
 * The report's figures as CSV for the committee's spreadsheet: French Excel's dialect (UTF-8 with
 * BOM, `;`, CRLF, decimal comma), one figure per line; names go through the formula guard.
 */
import { stringify } from 'csv-stringify/sync';
import { formatNumber } from '../../../common/format';
import type { ReportFigures } from '../../../common/contract';
import { neutraliseFormula } from '../registry/registry-export';
import { surfaceFr } from './charts';

export const REPORT_CSV_COLUMNS = ['rubrique', 'élément', 'indicateur', 'valeur'];

/** 12.5 → "12,5": the decimal comma French spreadsheets read as a number (no thousands separator). */
export const frNumber = (n: number): string => formatNumber(n, { grouping: false });
const percent = (a: number | null): string => (a === null ? '' : frNumber(Math.round(a * 1000) / 10));

export const KIND_FR: Record<string, string> = {
  suspect: 'Surveillance d’un suspect',
  missing: 'Recherche d’une personne disparue',
  other: 'Autre',
};

export function reportRows(f: ReportFigures): string[][] {
  const rows: string[][] = [['période', `du ${f.from} au ${f.to}`, 'poste', f.post]];
  const cam = (id: number, name: string): string => `${id} — ${name}`;
  for (const a of f.availability) {
    rows.push(['disponibilité', cam(a.cameraId, a.name), 'heures observées', frNumber(a.observedHours)]);
    rows.push(['disponibilité', cam(a.cameraId, a.name), 'heures en lecture', frNumber(a.playingHours)]);
    rows.push(['disponibilité', cam(a.cameraId, a.name), 'disponibilité (%)', percent(a.availability)]);
  }
  rows.push(['visionnage', 'total', 'heures', frNumber(f.viewing.totalHours)]);
  for (const c of f.viewing.byCamera) {
    rows.push(['visionnage par caméra', cam(c.cameraId, c.name), 'sessions', String(c.sessions)]);
    rows.push(['visionnage par caméra', cam(c.cameraId, c.name), 'heures', frNumber(c.hours)]);
  }
  for (const s of f.viewing.bySurface) {
    rows.push(['visionnage par surface', surfaceFr(s.surface), 'sessions', String(s.sessions)]);
    rows.push(['visionnage par surface', surfaceFr(s.surface), 'heures', frNumber(s.hours)]);
  }
  const p = f.ptz;
  rows.push(['prises de contrôle PTZ', 'total', 'prises accordées', String(p.grants)]);
  rows.push(['prises de contrôle PTZ', 'total', 'durée totale (heures)', frNumber(p.hours)]);
  rows.push(['prises de contrôle PTZ', 'total', 'notifications au CSU', String(p.notifications)]);
  rows.push(['prises de contrôle PTZ', 'total', 'notifications non remises', String(p.notificationsFailed)]);
  rows.push(['prises de contrôle PTZ', 'total', 'refus', String(p.refusals)]);
  rows.push(['prises de contrôle PTZ', 'total', 'dérogations', String(p.overrides)]);
  rows.push(['signalements', 'total', 'nombre', String(f.incidents.total)]);
  rows.push(['signalements', 'total', 'urgents', String(f.incidents.urgent)]);
  for (const c of f.incidents.byCategory)
    rows.push(['signalements par catégorie', c.category, 'nombre', String(c.count)]);
  rows.push(['opérations spéciales', 'total', 'nombre', String(f.operations.total)]);
  rows.push(['opérations spéciales', 'total', 'prolongations', String(f.operations.extensions)]);
  rows.push(['opérations spéciales', 'total', 'closes avant le terme', String(f.operations.closedEarly)]);
  for (const k of f.operations.byKind)
    rows.push(['opérations spéciales par type', KIND_FR[k.kind] ?? k.kind, 'nombre', String(k.count)]);
  for (const o of f.operations.items)
    rows.push(['opération', o.name, 'heures de visionnage', frNumber(o.viewingHours)]);
  rows.push(['réquisitions judiciaires', 'total', 'nombre', String(f.requisitions.total)]);
  rows.push([
    'réquisitions judiciaires',
    'total',
    'copies demandées au CSU',
    String(f.requisitions.copiesRequested),
  ]);
  return rows;
}

export function reportCsv(f: ReportFigures): string {
  return stringify(reportRows(f), {
    bom: true,
    delimiter: ';',
    record_delimiter: '\r\n',
    header: true,
    columns: REPORT_CSV_COLUMNS,
    cast: { string: neutraliseFormula },
  });
}
