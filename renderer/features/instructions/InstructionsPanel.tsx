import { useEffect, useState, type FormEvent } from 'react';
import { formatDateTime } from '../../../common/format';
import { selectors, useConsole, useT } from '../../console/console-store';
import { FileInput, useFileField } from '../../ui/FileInput';
import { PanelFrame } from '../shell/PanelFrame';
import { MarkdownView } from './MarkdownView';
import { PdfView } from './PdfView';

/** The common instructions, read beside the mosaic: every version kept, the head imports new ones. */
export function InstructionsPanel() {
  const t = useT();
  const locale = useConsole(selectors.locale);
  const view = useConsole((s) => s.instructions);
  const doc = useConsole((s) => s.instructionsDoc);
  const canImport = useConsole((s) => s.session?.permissions.includes('service') ?? false);
  const { loadInstructions, readInstructions, importInstructions } = useConsole.getState();
  const file = useFileField();
  const [categories, setCategories] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);

  useEffect(() => {
    void (async () => {
      await loadInstructions();
      const current = useConsole.getState().instructions?.current;
      if (current) await readInstructions(current.version);
    })();
  }, [loadInstructions, readInstructions]);

  const when = (iso: string): string => formatDateTime(Date.parse(iso), { locale });
  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    const f = file.picked();
    if (!f) return;
    setBusy(true);
    setDone(null);
    const labels = categories
      .split(/[;\n]/)
      .map((c) => c.trim())
      .filter(Boolean);
    const imported = await importInstructions(f, labels);
    setBusy(false);
    if (imported) {
      setDone(f.name);
      setCategories('');
      file.reset();
    }
  };

  return (
    <PanelFrame
      testid="instructions-panel"
      className="instructions-panel"
      title={t('instr.title')}
      closeTestid="instructions-close"
    >
      {canImport && (
        <form className="instructions-import" noValidate onSubmit={(e) => void submit(e)}>
          <FileInput
            field={file}
            label={t('instr.file')}
            accept=".md,.markdown,.pdf"
            testid="instructions-file"
          />
          <label>
            {t('instr.pdfCategories')}
            <input
              data-testid="instructions-categories"
              value={categories}
              placeholder={t('instr.pdfCategoriesHint')}
              onChange={(e) => setCategories(e.target.value)}
            />
          </label>
          <button type="submit" data-testid="instructions-import" disabled={busy}>
            {t('instr.import')}
          </button>
          {done && (
            <p className="ok" data-testid="instructions-imported">
              {t('instr.imported', { file: done })}
            </p>
          )}
        </form>
      )}
      {view && view.versions.length === 0 && (
        <p className="muted" data-testid="instructions-none">
          {t('instr.none')}
        </p>
      )}
      {view && view.versions.length > 0 && (
        <ul className="instructions-versions" data-testid="instructions-versions">
          {view.versions.map((v) => (
            <li key={v.version}>
              <button
                data-testid={`instructions-version-${v.version}`}
                data-current={String(v.version === view.current?.version)}
                aria-pressed={doc?.version.version === v.version}
                onClick={() => void readInstructions(v.version)}
              >
                {t('instr.version', { version: v.version, file: v.fileName, at: when(v.importedAt) })}
                {v.version === view.current?.version ? ` (${t('instr.current')})` : ''}
              </button>
            </li>
          ))}
        </ul>
      )}
      {doc && (
        <section
          data-testid="instructions-shown"
          data-version={doc.version.version}
          data-format={doc.content.format}
        >
          <p className="muted">
            {t('instr.importedBy', { name: doc.version.importedBy, at: when(doc.version.importedAt) })}
          </p>
          <p className="muted" data-testid="instructions-categories-list">
            {t('instr.categories')} {doc.version.categories.map((c) => c.label).join(' · ')}
          </p>
          {doc.content.format === 'markdown' ? (
            <MarkdownView text={doc.content.text} />
          ) : (
            <PdfView base64={doc.content.base64} />
          )}
        </section>
      )}
    </PanelFrame>
  );
}
