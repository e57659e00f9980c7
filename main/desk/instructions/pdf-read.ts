/**
 * A real parse of an imported PDF with pdfjs-dist (no fonts, no network; pdfjs 6 has no eval path): its page count
 * and the titles of its outline's first level. A file pdfjs cannot open, or that takes longer than
 * the time allowed, is unreadable.
 */
const PARSE_TIMEOUT_MS = 15_000;

export interface PdfSummary {
  pages: number;
  outline: string[];
}

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let loaded: Promise<PdfJs> | null = null;

export async function readPdf(bytes: Uint8Array): Promise<PdfSummary | null> {
  // The worker's module, imported first, sets globalThis.pdfjsWorker: pdfjs then runs it in this
  // thread instead of loading `./pdf.worker.mjs` from beside a bundle that has no such file.
  loaded ??= import('pdfjs-dist/legacy/build/pdf.worker.mjs').then(
    () => import('pdfjs-dist/legacy/build/pdf.mjs'),
  );
  const pdfjs = await loaded;
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes), // pdfjs takes ownership of the buffer it is given
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: true,
    verbosity: 0,
  });
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), PARSE_TIMEOUT_MS);
  });
  const read = (async (): Promise<PdfSummary | null> => {
    const doc = await task.promise;
    if (doc.numPages < 1) return null;
    const outline = (await doc.getOutline()) ?? [];
    return { pages: doc.numPages, outline: outline.map((o) => o.title) };
  })().catch(() => null);
  try {
    return await Promise.race([read, timeout]);
  } finally {
    clearTimeout(timer);
    void task.destroy().catch(() => undefined);
  }
}
