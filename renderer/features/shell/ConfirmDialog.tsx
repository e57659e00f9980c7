import { useConsole, useT } from '../../console/console-store';
import { Dialog } from '../../ui/Dialog';

/** A destructive action's yes or no (closing an operation…); Escape is no. */
export function ConfirmDialog() {
  const t = useT();
  const confirm = useConsole((s) => s.confirm);
  if (!confirm) return null;
  const { answerConfirm } = useConsole.getState();
  return (
    <Dialog
      title={t(confirm.title.key, confirm.title.params)}
      testid="confirm"
      surface="confirm"
      role="alertdialog"
    >
      <p>{t(confirm.body.key, confirm.body.params)}</p>
      <div className="actions">
        <button
          type="button"
          data-testid="confirm-cancel"
          data-autofocus
          onClick={() => answerConfirm(false)}
        >
          {t('confirm.cancel')}
        </button>
        <button type="button" className="danger" data-testid="confirm-ok" onClick={() => answerConfirm(true)}>
          {t(confirm.ok)}
        </button>
      </div>
    </Dialog>
  );
}
