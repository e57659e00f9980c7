/**
 * The post's one PDF library: pdfkit with the embedded DejaVu fonts, svg-to-pdfkit for charts.
 * Paragraphs, headings, tables and SVG charts on A4 pages, a footer with the page number on each.
 * Serves the registry exports, the commissioning report and the annual report.
 */
import path from 'node:path';
import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import { FONT_FILES, fontDir } from './fonts';

const MARGIN = 42;
const REGULAR = 'DejaVu';
const BOLD = 'DejaVu-Bold';

export interface PdfLine {
  text: string;
  size?: number;
  bold?: boolean;
  /** Space before the line, pt. */
  gap?: number;
  /** Text colour (CSS hex), black unless given. */
  color?: string;
  /** Left indent, pt. */
  indent?: number;
}

/** NFC (so e + combining accent is é), tabs and breaks as spaces, other control characters dropped. */
export function printable(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\t\r\n]/g, ' ')
    .replace(/\p{Cc}/gu, '');
}

export class PdfWriter {
  readonly doc: PDFKit.PDFDocument;
  private readonly done: Promise<Buffer>;

  constructor(
    private readonly footer: string,
    title: string,
    /** The post's fonts folder (`<assets>/fonts`); found beside the app when not given (fonts.ts). */
    fonts?: string,
  ) {
    const dir = fontDir(fonts);
    const doc = new PDFDocument({
      size: 'A4',
      margin: MARGIN,
      bufferPages: true,
      // The default font is the embedded one: pdfkit never loads its standard (WinAnsi) fonts.
      font: path.join(dir, FONT_FILES.regular),
      lang: 'fr-FR',
      info: { Title: printable(title), Producer: 'Vigie', Creator: 'Vigie' },
    });
    doc.registerFont(REGULAR, path.join(dir, FONT_FILES.regular));
    doc.registerFont(BOLD, path.join(dir, FONT_FILES.bold));
    doc.font(REGULAR);
    const chunks: Buffer[] = [];
    this.done = new Promise((resolve, reject) => {
      doc.on('data', (c: Buffer) => chunks.push(c));
      doc.on('end', () => resolve(Buffer.concat(chunks)));
      doc.on('error', reject);
    });
    this.doc = doc;
  }

  private get width(): number {
    return this.doc.page.width - 2 * MARGIN;
  }

  private get bottom(): number {
    return this.doc.page.height - MARGIN;
  }

  /** Starts a new page unless `height` more points fit on this one. */
  ensure(height: number): void {
    if (this.doc.y + height > this.bottom) this.doc.addPage();
  }

  line({ text, size = 10, bold = false, gap = 0, color = '#000000', indent = 0 }: PdfLine): this {
    const doc = this.doc;
    if (gap) doc.y += gap;
    doc
      .font(bold ? BOLD : REGULAR)
      .fontSize(size)
      .fillColor(color);
    doc.text(printable(text), MARGIN + indent, doc.y, { width: this.width - indent });
    doc.fillColor('#000000');
    return this;
  }

  /**
   * Blocks side by side, kept together on one page, for the signatories: each a title, the fields
   * to fill in (printed name, date) and an empty frame to sign in.
   */
  signatures(blocks: { title: string; fields: string[] }[], frameHeight = 56): this {
    const doc = this.doc;
    const gutter = 16;
    const w = (this.width - gutter * (blocks.length - 1)) / blocks.length;
    const lineH = 18;
    this.ensure(20 + lineH * Math.max(...blocks.map((b) => b.fields.length)) + frameHeight + 8);
    const top = doc.y + 8;
    let bottom = top;
    blocks.forEach((b, i) => {
      const x = MARGIN + i * (w + gutter);
      doc.font(BOLD).fontSize(10).fillColor('#000000');
      doc.text(printable(b.title), x, top, { width: w });
      let y = top + lineH;
      doc.font(REGULAR).fontSize(10);
      for (const f of b.fields) {
        doc.text(printable(f), x, y, { width: w, lineBreak: false });
        y += lineH;
      }
      doc.rect(x, y, w, frameHeight).lineWidth(0.7).strokeColor('#555555').stroke();
      bottom = Math.max(bottom, y + frameHeight);
    });
    doc.x = MARGIN;
    doc.y = bottom + 8;
    return this;
  }

  heading(text: string, size = 13): this {
    this.ensure(size * 4);
    return this.line({ text, size, bold: true, gap: 10 });
  }

  /** A table with a bold header row; each row is kept whole on one page. */
  table(headers: string[], rows: (string | number)[][], weights?: number[]): this {
    const doc = this.doc;
    const w = weights ?? headers.map(() => 1);
    const total = w.reduce((a, b) => a + b, 0);
    const widths = w.map((x) => (x / total) * this.width);
    const size = 9;
    const draw = (cells: (string | number)[], bold: boolean): void => {
      doc.font(bold ? BOLD : REGULAR).fontSize(size);
      const texts = cells.map((c) => printable(String(c)));
      const h = Math.max(...texts.map((t, i) => doc.heightOfString(t, { width: (widths[i] ?? 0) - 4 }))) + 4;
      this.ensure(h);
      const y = doc.y;
      let x = MARGIN;
      texts.forEach((t, i) => {
        doc.text(t, x + 2, y + 2, { width: (widths[i] ?? 0) - 4 });
        x += widths[i] ?? 0;
      });
      doc
        .moveTo(MARGIN, y + h)
        .lineTo(MARGIN + this.width, y + h)
        .lineWidth(0.5)
        .strokeColor('#999999')
        .stroke();
      doc.y = y + h;
    };
    doc.y += 4;
    draw(headers, true);
    for (const r of rows) draw(r, false);
    doc.y += 6;
    return this;
  }

  /** An SVG chart (ECharts' output), scaled to the text width; its texts in the embedded font. */
  svg(svg: string, width: number, height: number): this {
    const scale = Math.min(1, this.width / width);
    this.ensure(height * scale + 8);
    const y = this.doc.y + 4;
    SVGtoPDF(this.doc, svg, MARGIN, y, {
      width: width * scale,
      height: height * scale,
      fontCallback: (_family, bold) => (bold ? BOLD : REGULAR),
    });
    this.doc.x = MARGIN;
    this.doc.y = y + height * scale + 4;
    return this;
  }

  /** Footers with page numbers, then the finished file. */
  async end(): Promise<Buffer> {
    const doc = this.doc;
    const range = doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      doc.page.margins.bottom = 0;
      doc
        .font(REGULAR)
        .fontSize(8)
        .text(printable(`${this.footer} — page ${i + 1}/${range.count}`), MARGIN, doc.page.height - 28, {
          width: this.width,
          lineBreak: false,
        });
    }
    doc.end();
    return this.done;
  }
}

/** A document of plain lines (registry exports, the commissioning report). */
export async function renderLines(lines: PdfLine[], footer: string, title = footer): Promise<Buffer> {
  const w = new PdfWriter(footer, title);
  for (const l of lines) w.line(l);
  return w.end();
}
