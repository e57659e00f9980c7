/** Registry exports for the annual follow-up committee: CSV and a printable French PDF. */
import { stringify } from 'csv-stringify/sync';
import type { VerifyView, ViewingSessionView } from '../../../common/contract';
import { pairSessions } from './registry-slots';
import { typeLabelFr, verifyReportFr } from './registry-labels';
import type { RegistryFilter, RegistryRow } from './registry';
import { PdfWriter, type PdfLine } from '../../platform/pdf/pdf-writer';

const date = (iso: string): string => new Date(iso).toLocaleDateString('fr-FR');
const time = (iso: string): string => new Date(iso).toLocaleTimeString('fr-FR', { hour12: false });

export type ViewingSession = ViewingSessionView;

/** Pairs view.start / view.end entries into viewing sessions (one pairing: main/jobs/registry-slots.ts). */
export function viewingSessions(rows: RegistryRow[]): ViewingSession[] {
  return pairSessions(
    (function* () {
      for (const r of rows)
        yield { ...r, viewId: (JSON.parse(r.data) as { viewId?: string }).viewId ?? null };
    })(),
  );
}

function details(r: RegistryRow): string {
  const d = JSON.parse(r.data) as Record<string, unknown>;
  delete d.viewId;
  return Object.keys(d).length ? JSON.stringify(d) : '';
}

/**
 * Spreadsheets run a cell that starts with = + - @ (or tab, CR) as a formula. Logins are typed at
 * the login screen, so anything may arrive here: such cells are exported as text, with a leading '.
 */
export function neutraliseFormula(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

const CSV_COLUMNS = [
  'n°',
  'date',
  'heure',
  'événement',
  'identifiant',
  'nom',
  'grade',
  'service',
  'caméra',
  'surface',
  'détails',
  'empreinte',
];

/** French Excel's CSV: UTF-8 with BOM, `;`, CRLF; every text cell goes through neutraliseFormula. */
export function toCsv(rows: RegistryRow[]): string {
  return stringify(
    rows.map((r) => [
      r.seq,
      date(r.at),
      time(r.at),
      typeLabelFr(r.type),
      r.login,
      r.name,
      r.rank,
      r.service,
      r.cameraId,
      r.surface,
      details(r),
      r.mac,
    ]),
    {
      bom: true,
      delimiter: ';',
      record_delimiter: '\r\n',
      header: true,
      columns: CSV_COLUMNS,
      cast: { string: neutraliseFormula },
    },
  );
}

/** The French PDF of an export (pdfkit, embedded DejaVu font: every character prints). */
export async function toPdf(
  rows: RegistryRow[],
  filter: RegistryFilter,
  verification: VerifyView,
  post: string,
): Promise<Buffer> {
  const lines: PdfLine[] = [
    { text: 'Registre des accès aux images de vidéoprotection', size: 16, bold: true },
    { text: `Centre d’information et de commandement — poste ${post}`, size: 11 },
    {
      text:
        `Période : ${filter.from ? date(filter.from) : 'origine'} au ${filter.to ? date(filter.to) : 'ce jour'}` +
        `${filter.login ? ` — opérateur ${filter.login}` : ''}${filter.cameraId !== undefined ? ` — caméra ${filter.cameraId}` : ''}`,
      gap: 6,
    },
    {
      text: `Édité le ${date(new Date().toISOString())} à ${time(new Date().toISOString())}. ${rows.length} entrées.`,
    },
    {
      text: verification.ok
        ? `Intégrité : chaîne vérifiée (${verification.rows} entrées, empreinte de tête ${verification.head?.mac.slice(0, 16) ?? '—'}…).`
        : `Intégrité : ALTÉRATION DÉTECTÉE — ${verifyReportFr(verification).join(' ')}`,
      bold: !verification.ok,
    },
    {
      text: 'Aucune image n’est enregistrée au CIC ; les copies sont demandées au CSU et seules les demandes figurent ici.',
      gap: 2,
    },
    { text: 'Sessions de visionnage', size: 12, bold: true, gap: 10 },
  ];
  const sessions = viewingSessions(rows);
  if (!sessions.length) lines.push({ text: 'Aucune.' });
  for (const s of sessions) {
    lines.push({
      text: `Caméra ${s.cameraId ?? '—'} (${s.surface ?? '—'}) : ${date(s.start)} de ${time(s.start)} à ${s.end ? time(s.end) : 'en cours'} — ${s.name}, ${s.rank}, ${s.service} (${s.login})`,
    });
  }
  const pdf = new PdfWriter(
    'Vigie — registre des accès — document à usage du comité de suivi',
    'Registre des accès aux images de vidéoprotection',
  );
  for (const l of lines) pdf.line(l);
  pdf.heading('Journal', 12);
  pdf.table(
    ['N°', 'Date', 'Heure', 'Événement', 'Agent', 'Caméra', 'Détails'],
    rows.map((r) => [
      r.seq,
      date(r.at),
      time(r.at),
      typeLabelFr(r.type),
      r.login ? `${r.name || r.login}${r.rank ? `, ${r.rank}` : ''}${r.service ? `, ${r.service}` : ''}` : '',
      r.cameraId ?? '',
      details(r).slice(0, 200),
    ]),
    [0.5, 1.3, 1.1, 2.6, 2.4, 0.8, 2.6],
  );
  pdf.line({ text: 'Visa du chef de service :', gap: 24 });
  return pdf.end();
}
