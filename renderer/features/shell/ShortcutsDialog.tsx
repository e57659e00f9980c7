/** The list `?` opens: every key of the console, for this role, in the console's language. */
import type { Permission } from '../../../common/roles';
import { LAYOUTS } from '../../../common/contract';
import { useConsole, useT } from '../../console/console-store';
import type { MessageKey } from '../../i18n';
import { Dialog } from '../../ui/Dialog';
import { NONE } from '../../ui/empty';
import { reachableWorkspaces, WORKSPACES } from './workspace';
import { TableHead } from '../../ui/TableHead';

export function ShortcutsDialog() {
  const t = useT();
  const open = useConsole((s) => s.shortcutsOpen);
  const perms: readonly Permission[] = useConsole((s) => s.session?.permissions) ?? NONE;
  if (!open) return null;
  const images = perms.includes('view');
  const rows: [string, string][] = [];
  if (images) {
    rows.push([t('keys.digitsEnter'), t('keys.call')]);
    rows.push(['⌫', t('keys.erase')]);
    rows.push(['← ↑ → ↓', t(perms.includes('ptz') ? 'keys.arrowsPtz' : 'keys.arrows')]);
    rows.push([t('keys.doubleClick'), t('keys.solo')]);
    LAYOUTS.forEach((l, i) =>
      rows.push([`Ctrl+${t('keys.shift')}+${i + 1}`, t('layout.named', { layout: l.replace('x', '×') })]),
    );
  }
  for (const w of reachableWorkspaces(perms))
    rows.push([`Ctrl+${WORKSPACES.indexOf(w) + 1}`, t(`nav.${w}.title` as MessageKey)]);
  if (perms.includes('wall')) rows.push(['Alt+1 … Alt+9', t('keys.presets')]);
  rows.push([t('keys.escape'), t('keys.close')]);
  rows.push(['?', t('keys.list')]);
  return (
    <Dialog title={t('keys.title')} testid="shortcuts" surface="shortcuts" className="shortcuts">
      <table>
        <TableHead columns={['keys.key', 'keys.action']} />
        <tbody>
          {rows.map(([k, what]) => (
            <tr key={`${k}-${what}`}>
              <td>
                <kbd>{k}</kbd>
              </td>
              <td>{what}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="actions">
        <button
          type="button"
          data-testid="shortcuts-close"
          onClick={() => useConsole.getState().setShortcutsOpen(false)}
        >
          {t('panel.close')}
        </button>
      </div>
    </Dialog>
  );
}
