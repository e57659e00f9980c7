/** The dated commissioning report: JSON (with its schema) and a French PDF for signature. */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { renderLines, type PdfLine } from '../pdf/pdf-writer';
import { GROUP_FR, resultFr, STATUS_FR } from './selftest-labels';
import { SELFTEST_CODES } from '../../common/selftest';
import { CHECK_GROUPS, type SelftestReport } from './selftest-types';

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

export async function reportPdf(r: SelftestReport): Promise<Buffer> {
  const when = new Date(r.at);
  const lines: PdfLine[] = [
    { text: 'Procès-verbal d’auto-test de mise en service', size: 16, bold: true },
    { text: `Poste : ${r.post} — Vigie ${r.app.version}`, size: 11 },
    {
      text: `Date : ${when.toLocaleDateString('fr-FR')} à ${when.toLocaleTimeString('fr-FR', { hour12: false })}`,
      size: 11,
    },
    { text: `Technicien : ${r.technician}`, size: 11 },
    {
      text: `Résultat : ${r.summary.pass} OK, ${r.summary.warn} à surveiller, ${r.summary.fail} en échec`,
      size: 11,
      bold: true,
      gap: 10,
    },
  ];
  for (const g of CHECK_GROUPS) {
    const rows = r.results.filter((x) => x.group === g);
    if (rows.length === 0) continue;
    lines.push({ text: GROUP_FR[g], size: 12, bold: true, gap: 8 });
    for (const x of rows) lines.push({ text: `[${STATUS_FR[x.status]}] ${resultFr(x)}`, size: 10 });
  }
  lines.push({ text: 'Signature du technicien :', size: 11, gap: 30 });
  lines.push({ text: 'Visa du chef de service :', size: 11, gap: 30 });
  return renderLines(lines, `Vigie — auto-test du poste ${r.post}`);
}

/** Writes `autotest-<post>-<date>.json` and `.pdf`; returns their paths. */
export async function writeReport(r: SelftestReport, dir: string): Promise<{ json: string; pdf: string }> {
  fs.mkdirSync(dir, { recursive: true });
  const stamp = r.at.replace(/[-:]/g, '').replace(/\..*$/, '').replace('T', '-');
  const base = path.join(dir, `autotest-${r.post.replace(/[^A-Za-z0-9_-]+/g, '_')}-${stamp}`);
  fs.writeFileSync(`${base}.json`, JSON.stringify(r, null, 2));
  fs.writeFileSync(`${base}.pdf`, await reportPdf(r));
  return { json: `${base}.json`, pdf: `${base}.pdf` };
}
