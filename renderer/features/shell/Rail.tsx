/**
 * The rail of workspaces (`nav-<workspace>`), each only for a role that may use it, with its
 * shortcut (Ctrl+1…6). The registry, operations and report entries keep the test ids their old
 * top-bar buttons had (`registry-button`…), on their labels.
 */
import type { Permission } from '../../../common/roles';
import { useMemo } from 'react';
import { useConsole, useT } from '../../console/console-store';
import type { MessageKey } from '../../i18n';
import { NONE } from '../../ui/empty';
import { reachableWorkspaces, workspaceOf, WORKSPACES, type Workspace } from './workspace';

const GLYPH: Record<Workspace, string> = {
  live: '▦',
  wall: '▣',
  registry: '☰',
  operations: '⚑',
  reports: '▤',
  admin: '⚙',
};

/** The label's own test id, where a former top-bar button's id lives on. */
const LEGACY: Partial<Record<Workspace, string>> = {
  registry: 'registry-button',
  operations: 'operations-button',
  reports: 'report-button',
};

export function Rail() {
  const t = useT();
  const permissions: readonly Permission[] = useConsole((s) => s.session?.permissions) ?? NONE;
  const panel = useConsole((s) => s.panel);
  const wallOpen = useConsole((s) => s.wallOpen);
  const current = workspaceOf(panel, wallOpen);
  const reachable = useMemo(() => reachableWorkspaces(permissions), [permissions]);
  return (
    <nav className="rail" aria-label={t('nav.label')}>
      {reachable.map((w) => {
        const label = t(`nav.${w}` as MessageKey);
        const shortcut = `Ctrl+${WORKSPACES.indexOf(w) + 1}`;
        return (
          <button
            key={w}
            type="button"
            data-testid={`nav-${w}`}
            aria-current={w === current ? 'page' : undefined}
            aria-keyshortcuts={`Control+${WORKSPACES.indexOf(w) + 1}`}
            title={`${t(`nav.${w}.title` as MessageKey)} (${shortcut})`}
            onClick={() => useConsole.getState().goWorkspace(w)}
          >
            <span className="rail-glyph" aria-hidden="true">
              {GLYPH[w]}
            </span>
            <span className="rail-label" data-testid={LEGACY[w]}>
              {label}
            </span>
          </button>
        );
      })}
    </nav>
  );
}
