import { useConsole, useT } from '../../console/console-store';
import { Dialog } from '../../ui/Dialog';
import { ErrorNote } from '../shell/ErrorNote';

/** One part of the import's difference (cameras added, removed or changed), shown when not empty. */
function DiffSection<C extends { id: number }>({
  kind,
  items,
  text,
}: {
  kind: 'added' | 'removed' | 'changed';
  items: readonly C[];
  text(c: C): string;
}) {
  const t = useT();
  if (items.length === 0) return null;
  return (
    <section data-testid={`import-${kind}`}>
      <h3>
        {t(`import.${kind}`)} ({items.length})
      </h3>
      <ul>
        {items.map((c) => (
          <li key={c.id}>{text(c)}</li>
        ))}
      </ul>
    </section>
  );
}

export function ImportDialog() {
  const t = useT();
  const preview = useConsole((s) => s.preview);
  const { setPreview, applyImport } = useConsole.getState();
  if (!preview) return null;
  const { diff } = preview;
  const empty = !diff.added.length && !diff.removed.length && !diff.changed.length;

  return (
    <Dialog title={t('import.title')} testid="import-dialog" surface="import">
      <ErrorNote surface="import" />
      <p>{t('import.count', { count: preview.count, file: preview.fileName })}</p>
      {empty && <p>{t('import.none')}</p>}
      <DiffSection kind="added" items={diff.added} text={(c) => `${c.id} — ${c.name} (${c.site})`} />
      <DiffSection kind="removed" items={diff.removed} text={(c) => `${c.id} — ${c.name} (${c.site})`} />
      <DiffSection
        kind="changed"
        items={diff.changed}
        text={(c) =>
          t('import.changedCamera', {
            id: c.id,
            name: c.name,
            changes: c.changes.map((ch) => t('import.change', { ...ch })).join(t('import.changeSeparator')),
          })
        }
      />
      <p className="notice">{t('import.notice')}</p>
      <div className="actions">
        <button type="button" data-testid="import-cancel" data-autofocus onClick={() => setPreview(null)}>
          {t('import.cancel')}
        </button>
        <button
          type="button"
          data-testid="import-confirm"
          className="primary"
          onClick={() => void applyImport()}
        >
          {t('import.confirm')}
        </button>
      </div>
    </Dialog>
  );
}
