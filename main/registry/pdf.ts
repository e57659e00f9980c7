/** A minimal PDF writer (A4, Helvetica, WinAnsi): enough for a printable French report, no dependency. */

/** Unicode → WinAnsi (Windows-1252) byte: Latin-1 as is, plus the typographic set of 0x80–0x9F. */
const WINANSI = new Map<string, number>();
for (let b = 0x20; b <= 0xff; b++) {
  const ch = new TextDecoder('windows-1252').decode(Uint8Array.of(b));
  // The five bytes Windows-1252 leaves undefined decode to C1 controls: not printable.
  if (b !== 0x7f && !(ch.codePointAt(0)! >= 0x80 && ch.codePointAt(0)! <= 0x9f)) WINANSI.set(ch, b);
}

/** What is printed for a character the standard fonts cannot show: visible, never dropped. */
export const UNPRINTABLE = '?';

/** The printable form of a text: NFC (so e + combining accent is é), tabs and breaks as spaces. */
export function printable(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC').replace(/[\t\r\n]/g, ' ')) out += WINANSI.has(ch) ? ch : UNPRINTABLE;
  return out;
}

function encodeText(s: string): string {
  let out = '';
  for (const ch of s) {
    const code = WINANSI.get(ch) ?? 0x3f;
    if (ch === '(' || ch === ')' || ch === '\\') out += '\\' + ch;
    else if (code > 0x7e) out += '\\' + code.toString(8).padStart(3, '0');
    else out += String.fromCharCode(code);
  }
  return out;
}

/**
 * Advance widths (1/1000 em) of WinAnsi 0x20–0x7E: the larger of Helvetica and Helvetica-Bold (AFM),
 * so one measure serves both. Anything else counts as a full em, which errs on the narrow side.
 */
const WIDTHS = [
  278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556,
  556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611, 1015, 722, 722, 722, 722, 667, 611, 778, 722, 278,
  556, 722, 611, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584,
  556, 333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611, 611, 611, 389, 556,
  333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584,
];
const charWidth = (ch: string): number => {
  const b = WINANSI.get(ch) ?? 0x3f;
  return b <= 0x7e ? WIDTHS[b - 0x20]! : 1000;
};

/**
 * Breaks a printable text into lines no wider than `max` (1/1000 em): at spaces where it can, and
 * inside a token when a token alone is wider than a line (a requisition number, a JSON detail),
 * so every character is printed. Only the spaces at the breaks are dropped.
 */
export function wrapText(text: string, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  let width = 0;
  const breakLine = (): void => {
    if (line.trim()) lines.push(line.trimEnd());
    line = '';
    width = 0;
  };
  for (const token of text.split(/(\s+)/)) {
    if (!token) continue;
    const w = [...token].reduce((sum, ch) => sum + charWidth(ch), 0);
    if (width + w <= max) {
      line += token;
      width += w;
    } else if (/^\s/.test(token)) {
      breakLine();
    } else {
      breakLine();
      for (const ch of token) {
        if (width + charWidth(ch) > max && line) breakLine();
        line += ch;
        width += charWidth(ch);
      }
    }
  }
  breakLine();
  return lines.length ? lines : [''];
}

export interface PdfLine {
  text: string;
  size?: number;
  bold?: boolean;
  gap?: number;
}

const W = 595;
const H = 842;
const MARGIN = 42;

/** Lays lines out top to bottom on as many pages as needed, with a page footer. */
export function renderPdf(lines: PdfLine[], footer: string): Buffer {
  const pages: string[] = [];
  let ops: string[] = [];
  let y = H - MARGIN;
  const flush = (): void => {
    const n = pages.length + 1;
    ops.push(`BT /F1 8 Tf ${MARGIN} 24 Td (${encodeText(printable(`${footer} — page ${n}`))}) Tj ET`);
    pages.push(ops.join('\n'));
    ops = [];
    y = H - MARGIN;
  };
  for (const l of lines) {
    const size = l.size ?? 9;
    const lead = size * 1.35 + (l.gap ?? 0);
    if (y - lead < 40) flush();
    y -= lead;
    const chunks = wrapText(printable(l.text), ((W - 2 * MARGIN) * 1000) / size);
    chunks.forEach((c, i) => {
      if (i > 0) {
        if (y - size * 1.35 < 40) flush();
        y -= size * 1.35;
      }
      ops.push(
        `BT /${l.bold ? 'F2' : 'F1'} ${size} Tf ${MARGIN} ${y.toFixed(1)} Td (${encodeText(c)}) Tj ET`,
      );
    });
  }
  flush();

  const objects: string[] = [];
  const add = (body: string): number => objects.push(body);
  const catalog = add('');
  const pagesObj = add('');
  const font = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  const bold = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>');
  const kids: number[] = [];
  for (const content of pages) {
    const stream = add(
      `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
    );
    kids.push(
      add(
        `<< /Type /Page /Parent ${pagesObj} 0 R /MediaBox [0 0 ${W} ${H}] /Resources << /Font << /F1 ${font} 0 R /F2 ${bold} 0 R >> >> /Contents ${stream} 0 R >>`,
      ),
    );
  }
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesObj} 0 R >>`;
  objects[pagesObj - 1] =
    `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;

  let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}
