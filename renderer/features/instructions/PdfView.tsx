import { useEffect, useRef, useState } from 'react';
import { GlobalWorkerOptions, getDocument } from 'pdfjs-dist';
import { useT } from '../../console/console-store';

// pdfjs parses in its own worker, bundled by scripts/build.mjs and served from the page's origin.
GlobalWorkerOptions.workerSrc = new URL('pdf-worker.js', document.baseURI).href;
const MAX_PAGES = 60;

/** A PDF version of the instructions, each page drawn to a canvas by pdfjs-dist (no plug-in, no HTML). */
export function PdfView({ base64 }: { base64: string }) {
  const t = useT();
  const box = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<'loading' | 'shown' | 'failed'>('loading');
  const [pages, setPages] = useState(0);

  useEffect(() => {
    const bin = atob(base64);
    const data = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) data[i] = bin.charCodeAt(i);
    const task = getDocument({ data, disableFontFace: false, stopAtErrors: true });
    let cancelled = false;
    setState('loading');
    void (async () => {
      try {
        const doc = await task.promise;
        const el = box.current;
        if (!el || cancelled) return;
        el.replaceChildren();
        const count = Math.min(doc.numPages, MAX_PAGES);
        for (let n = 1; n <= count && !cancelled; n++) {
          const page = await doc.getPage(n);
          const viewport = page.getViewport({ scale: 1.2 });
          const canvas = document.createElement('canvas');
          canvas.width = Math.floor(viewport.width);
          canvas.height = Math.floor(viewport.height);
          canvas.className = 'pdf-page';
          canvas.dataset.testid = `instructions-pdf-page-${n}`;
          el.appendChild(canvas);
          await page.render({ canvas, viewport }).promise;
        }
        if (!cancelled) {
          setPages(doc.numPages);
          setState('shown');
        }
      } catch {
        if (!cancelled) setState('failed');
      }
    })();
    return () => {
      cancelled = true;
      void task.destroy();
    };
  }, [base64]);

  return (
    <div className="pdf-view" data-testid="instructions-pdf" data-state={state} data-pages={pages}>
      {state === 'failed' && <p className="bad">{t('instr.pdfFailed')}</p>}
      <div ref={box} />
    </div>
  );
}
