import { useConsole, useT } from '../../console/console-store';
import { Dialog } from '../../ui/Dialog';
import { ErrorNote } from '../shell/ErrorNote';

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
      {diff.added.length > 0 && (
        <section data-testid="import-added">
          <h3>
            {t('import.added')} ({diff.added.length})
          </h3>
          <ul>
            {diff.added.map((c) => (
              <li key={c.id}>
                {c.id} — {c.name} ({c.site})
              </li>
            ))}
          </ul>
        </section>
      )}
      {diff.removed.length > 0 && (
        <section data-testid="import-removed">
          <h3>
            {t('import.removed')} ({diff.removed.length})
          </h3>
          <ul>
            {diff.removed.map((c) => (
              <li key={c.id}>
                {c.id} — {c.name} ({c.site})
              </li>
            ))}
          </ul>
        </section>
      )}
      {diff.changed.length > 0 && (
        <section data-testid="import-changed">
          <h3>
            {t('import.changed')} ({diff.changed.length})
          </h3>
          <ul>
            {diff.changed.map((c) => (
              <li key={c.id}>
                {t('import.changedCamera', {
                  id: c.id,
                  name: c.name,
                  changes: c.changes
                    .map((ch) => t('import.change', { ...ch }))
                    .join(t('import.changeSeparator')),
                })}
              </li>
            ))}
          </ul>
        </section>
      )}
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
