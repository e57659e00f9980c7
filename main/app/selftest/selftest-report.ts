/** The dated commissioning report: JSON (with its schema) and a French PDF for signature. */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { formatNumber } from '../../../common/format';
import { SELFTEST_CODES } from '../../../common/selftest';
import { PdfWriter } from '../../platform/pdf/pdf-writer';
import { GROUP_FR, resultFr, STATUS_FR } from './selftest-labels';
import { CHECK_GROUPS, type CheckResult, type SelftestReport } from './selftest-types';

export const selftestReportSchema = z.strictObject({
  version: z.literal(1),
  at: z.iso.datetime(),
  post: z.string().min(1).max(120),
  technician: z.string().min(1).max(120),
  app: z.strictObject({ version: z.string(), host: z.enum(['electron', 'browser', 'cli']) }),
  results: z.array(
    z.strictObject({
      group: z.enum(CHECK_GROUPS),
      subject: z.string(),
      status: z.enum(['pass', 'warn', 'fail']),
      code: z.enum(SELFTEST_CODES),
      params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
    }),
  ),
  summary: z.strictObject({ pass: z.number().int(), warn: z.number().int(), fail: z.number().int() }),
}) satisfies z.ZodType<SelftestReport>;

/** The JSON Schema of the report, for whoever archives or reads these reports. */
export const selftestJsonSchema = (): unknown => z.toJSONSchema(selftestReportSchema);

const COLOR = { pass: '#1b6e35', warn: '#9a5800', fail: '#b00020' } as const;
const SYMBOL = { pass: '✓', warn: '⚠', fail: '✗' } as const;
const n = (x: number): string => formatNumber(x);

/** Conforme when no check failed; warnings are listed for follow-up, they do not refuse the post. */
export const compliant = (r: SelftestReport): boolean => r.summary.fail === 0;

/** The time server the clock check asked, as the report names it. */
function timeServer(r: SelftestReport): string {
  const clock = r.results.find((x) => x.group === 'clock');
  return !clock || clock.subject === '-' ? 'aucun (option --ntp non renseignée)' : clock.subject;
}

const lineOf = (x: CheckResult): string => `${GROUP_FR[x.group]} — ${resultFr(x)}`;

/**
 * The commissioning report a technician and the head of service sign: the overall verdict first,
 * the failures and the points to watch set apart (their own section, colour and symbol), then every
 * check by group, and a block for each signatory with printed name and date.
 */
export async function reportPdf(r: SelftestReport, fonts?: string): Promise<Buffer> {
  const when = new Date(r.at);
  const ok = compliant(r);
  const total = r.results.length;
  const w = new PdfWriter(
    `Vigie — auto-test du poste ${r.post}`,
    `Vigie — auto-test du poste ${r.post}`,
    fonts,
  );
  w.line({ text: 'Procès-verbal d’auto-test de mise en service', size: 16, bold: true });
  w.line({ text: `Poste : ${r.post} — Vigie ${r.app.version}`, size: 11, gap: 4 });
  w.line({
    text: `Date : ${when.toLocaleDateString('fr-FR')} à ${when.toLocaleTimeString('fr-FR', { hour12: false })}`,
    size: 11,
  });
  w.line({ text: `Technicien : ${r.technician}`, size: 11 });
  w.line({ text: `Serveur de temps contrôlé : ${timeServer(r)}`, size: 11 });
  w.line({
    text: ok ? `${SYMBOL.pass} Verdict : CONFORME` : `${SYMBOL.fail} Verdict : NON CONFORME`,
    size: 15,
    bold: true,
    color: ok ? COLOR.pass : COLOR.fail,
    gap: 12,
  });
  w.line({
    text:
      `${n(total)} contrôles : ${n(r.summary.pass)} OK, ${n(r.summary.warn)} à surveiller, ` +
      `${n(r.summary.fail)} en échec.` +
      (ok ? '' : ' Le poste ne peut être mis en service qu’une fois chaque échec levé.'),
    size: 10,
  });
  for (const status of ['fail', 'warn'] as const) {
    const rows = r.results.filter((x) => x.status === status);
    if (rows.length === 0) continue;
    const title = status === 'fail' ? 'Échecs' : 'Points à surveiller';
    w.line({
      text: `${SYMBOL[status]} ${title} (${n(rows.length)})`,
      size: 12,
      bold: true,
      color: COLOR[status],
      gap: 12,
    });
    for (const x of rows)
      w.line({ text: `${SYMBOL[status]} ${lineOf(x)}`, size: 10, color: COLOR[status], indent: 10, gap: 2 });
  }
  w.heading('Détail des contrôles');
  for (const g of CHECK_GROUPS) {
    const rows = r.results.filter((x) => x.group === g);
    if (rows.length === 0) continue;
    w.line({ text: GROUP_FR[g], size: 11, bold: true, gap: 6 });
    for (const x of rows)
      w.line({
        text: `${SYMBOL[x.status]} ${STATUS_FR[x.status]} — ${resultFr(x)}`,
        size: 10,
        color: x.status === 'pass' ? '#000000' : COLOR[x.status],
        indent: 10,
      });
  }
  w.heading('Signatures');
  const date = 'Date : ____ / ____ / ________';
  w.signatures([
    { title: 'Le technicien', fields: [`Nom : ${r.technician}`, date, 'Signature :'] },
    {
      title: 'Le chef de service (visa)',
      fields: ['Nom : ________________________________', date, 'Signature :'],
    },
  ]);
  return w.end();
}

/** Writes `autotest-<post>-<date>.json` and `.pdf`; returns their paths. */
export async function writeReport(
  r: SelftestReport,
  dir: string,
  fonts?: string,
): Promise<{ json: string; pdf: string }> {
  fs.mkdirSync(dir, { recursive: true });
  const stamp = r.at.replace(/[-:]/g, '').replace(/\..*$/, '').replace('T', '-');
  const base = path.join(dir, `autotest-${r.post.replace(/[^A-Za-z0-9_-]+/g, '_')}-${stamp}`);
  fs.writeFileSync(`${base}.json`, JSON.stringify(r, null, 2));
  fs.writeFileSync(`${base}.pdf`, await reportPdf(r, fonts));
  return { json: `${base}.json`, pdf: `${base}.pdf` };
}
