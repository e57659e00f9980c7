/** A real PDF for tests, made with pdfkit: one page per category, each an entry of the outline. */
import PDFDocument from 'pdfkit';

export async function makeInstructionsPdf(categories: string[], withOutline = true): Promise<Buffer> {
  const doc = new PDFDocument({ autoFirstPage: false, info: { Title: 'Consignes communes' } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((r) => doc.on('end', () => r()));
  for (const c of categories) {
    doc.addPage();
    doc.fontSize(18).text(c);
    doc.fontSize(11).text(`Consignes de la catégorie « ${c} ».`);
    if (withOutline) doc.outline.addItem(c);
  }
  doc.end();
  await done;
  return Buffer.concat(chunks);
}
