/** A minimal PDF writer (A4, Helvetica, WinAnsi): enough for a printable French report, no dependency. */
const WINANSI_EXTRA: Record<string, number> = {
  '’': 0x92,
  '‘': 0x91,
  '“': 0x93,
  '”': 0x94,
  '—': 0x97,
  '–': 0x96,
  '…': 0x85,
  œ: 0x9c,
  Œ: 0x8c,
  '€': 0x80,
  '•': 0x95,
};

function encodeText(s: string): string {
  let out = '';
  for (const ch of s) {
    const code = WINANSI_EXTRA[ch] ?? (ch.codePointAt(0)! <= 0xff ? ch.codePointAt(0)! : 0x3f);
    if (ch === '(' || ch === ')' || ch === '\\') out += '\\' + ch;
    else if (code < 0x20 || code > 0x7e) out += '\\' + code.toString(8).padStart(3, '0');
    else out += String.fromCharCode(code);
  }
  return out;
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
    ops.push(`BT /F1 8 Tf ${MARGIN} 24 Td (${encodeText(`${footer} — page ${n}`)}) Tj ET`);
    pages.push(ops.join('\n'));
    ops = [];
    y = H - MARGIN;
  };
  for (const l of lines) {
    const size = l.size ?? 9;
    const lead = size * 1.35 + (l.gap ?? 0);
    if (y - lead < 40) flush();
    y -= lead;
    // Long lines wrap at a width Helvetica keeps inside the margins.
    const max = Math.floor((W - 2 * MARGIN) / (size * 0.5));
    const chunks =
      l.text.length > max ? (l.text.match(new RegExp(`.{1,${max}}(\\s|$)`, 'g')) ?? [l.text]) : [l.text];
    chunks.forEach((c, i) => {
      if (i > 0) {
        if (y - size * 1.35 < 40) flush();
        y -= size * 1.35;
      }
      ops.push(
        `BT /${l.bold ? 'F2' : 'F1'} ${size} Tf ${MARGIN} ${y.toFixed(1)} Td (${encodeText(c.trimEnd())}) Tj ET`,
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
