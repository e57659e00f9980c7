/** The committee's French PDF: title, period, post, each section's figures as tables, and the charts. */
import type { ReportFigures, ReportView } from '../../../common/contract';
import { PdfWriter } from '../../platform/pdf/pdf-writer';
import { CHART_SIZE, surfaceFr } from './charts';
import { formatNumber, formatPercent } from '../../../common/format';
import { KIND_FR } from './report-csv';

const day = (d: string): string => d.split('-').reverse().join('/');
const when = (iso: string): string =>
  `${new Date(iso).toLocaleDateString('fr-FR')} à ${new Date(iso).toLocaleTimeString('fr-FR', { hour12: false })}`;
const pct = (a: number | null): string => (a === null ? 'non observée' : formatPercent(a));
/** French figures, thousands apart: what the committee reads. */
const frNumber = (n: number): string => formatNumber(n);

export async function reportPdf(
  f: ReportFigures,
  charts: ReportView['charts'],
  fonts?: string,
): Promise<Buffer> {
  const pdf = new PdfWriter(
    `Vigie — rapport annuel de suivi — poste ${f.post}`,
    'Rapport annuel de suivi de la convention de renvoi d’images',
    fonts,
  );
  const chart = (name: string): void => {
    const c = charts.find((x) => x.name === name);
    if (c) pdf.svg(c.svg, CHART_SIZE.width, CHART_SIZE.height);
  };
  pdf.line({
    text: 'Rapport annuel de suivi — article 6',
    size: 16,
    bold: true,
  });
  pdf.line({ text: 'Convention de renvoi d’images entre la ville et l’État', size: 11 });
  pdf.line({ text: `Centre d’information et de commandement — poste ${f.post}`, size: 11 });
  pdf.line({ text: `Période : du ${day(f.from)} au ${day(f.to)} inclus`, size: 11, gap: 4 });
  pdf.line({
    text: `Établi le ${when(f.generatedAt)}, à partir du registre des accès et de l’historique d’état des caméras.`,
  });

  pdf.heading('1. Disponibilité des caméras');
  pdf.line({
    text: 'Part du temps en lecture sur le temps observé ; une caméra que personne n’a demandée n’est pas observée et n’est pas comptée comme indisponible.',
    size: 9,
  });
  pdf.table(
    ['Caméra', 'Heures observées', 'Heures en lecture', 'Disponibilité'],
    f.availability.map((a) => [
      `${a.cameraId} — ${a.name}`,
      frNumber(a.observedHours),
      frNumber(a.playingHours),
      pct(a.availability),
    ]),
    [3, 1.3, 1.3, 1.3],
  );
  chart('availability');

  pdf.heading('2. Visionnage');
  pdf.line({ text: `Total : ${frNumber(f.viewing.totalHours)} heures de visionnage.` });
  pdf.table(
    ['Caméra', 'Sessions', 'Heures'],
    f.viewing.byCamera.map((c) => [`${c.cameraId} — ${c.name}`, c.sessions, frNumber(c.hours)]),
    [3, 1, 1],
  );
  chart('viewing-camera');
  pdf.table(
    ['Surface', 'Sessions', 'Heures'],
    f.viewing.bySurface.map((s) => [surfaceFr(s.surface), s.sessions, frNumber(s.hours)]),
    [3, 1, 1],
  );
  chart('viewing-surface');

  pdf.heading('3. Prises de contrôle PTZ');
  const p = f.ptz;
  pdf.table(
    ['Indicateur', 'Valeur'],
    [
      ['Prises de contrôle accordées', p.grants],
      ['Durée totale (heures)', frNumber(p.hours)],
      ['Notifications au CSU', p.notifications],
      ['Notifications non remises', p.notificationsFailed],
      ['Refus', p.refusals],
      ['Dérogations (sans notification)', p.overrides],
    ],
    [3, 1],
  );

  pdf.heading('4. Signalements');
  pdf.line({ text: `${f.incidents.total} signalement(s), dont ${f.incidents.urgent} urgent(s).` });
  pdf.table(
    ['Catégorie', 'Nombre'],
    f.incidents.byCategory.map((c) => [c.category, c.count]),
    [3, 1],
  );
  chart('incidents');

  pdf.heading('5. Opérations spéciales');
  pdf.line({
    text: `${f.operations.total} opération(s), ${f.operations.extensions} prolongation(s), ${f.operations.closedEarly} close(s) avant le terme.`,
  });
  pdf.table(
    ['Opération', 'Type', 'Début', 'Fin', 'Caméras', 'Heures vues'],
    f.operations.items.map((o) => [
      o.name,
      KIND_FR[o.kind] ?? o.kind,
      when(o.startedAt),
      o.closedAt ? when(o.closedAt) : 'en cours',
      o.cameras,
      frNumber(o.viewingHours),
    ]),
    [2.2, 2, 1.6, 1.6, 1, 1],
  );

  pdf.heading('6. Réquisitions judiciaires');
  pdf.table(
    ['Indicateur', 'Valeur'],
    [
      ['Réquisitions reçues', f.requisitions.total],
      ['Copies demandées au CSU', f.requisitions.copiesRequested],
    ],
    [3, 1],
  );
  pdf.line({ text: 'Aucune image n’est enregistrée au CIC : les copies sont demandées au CSU.', size: 9 });
  pdf.line({ text: 'Visa du chef de service :', gap: 24 });
  return pdf.end();
}
