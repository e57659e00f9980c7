/**
 * The toolbar over the mosaic: its layouts (Ctrl+Shift+1…6), every frame or one in two, the number
 * being typed and the one surface it goes to (a console tile or a wall tile: only one is the
 * target), the way back to the operator's own mosaic after an operation, and the live view's panes.
 */
import { LAYOUTS } from '../../../common/contract';
import { useConsole, useT } from '../../console/console-store';
import type { Panel } from './shell-slice';
import { majorWorkspace } from './workspace';

/** 2x2 → 2×2, as a layout is written. */
const layoutLabel = (l: string): string => l.replace('x', '×');

function Entry() {
  const t = useT();
  const entry = useConsole((s) => s.entry);
  const message = useConsole((s) => s.entryMessage);
  const wallTarget = useConsole((s) => (s.wallOpen ? s.wallSelected : null));
  const tile = useConsole((s) => s.solo ?? s.selected);
  const target = wallTarget !== null ? 'wall' : 'console';
  return (
    <span className="entry-box">
      <span className="entry" data-testid="camera-entry" aria-live="polite">
        {entry ? `${t('entry.prompt')} ${entry}` : message ? t(message.key, message.params) : ''}
      </span>
      <span className={`entry-target target-${target}`} data-testid="entry-target" data-surface={target}>
        {t(`entry.target.${target}`, { tile: (wallTarget ?? tile) + 1 })}
      </span>
    </span>
  );
}

export function LiveToolbar() {
  const t = useT();
  const perms = useConsole((s) => s.session?.permissions);
  const layout = useConsole((s) => s.layout);
  const fullRate = useConsole((s) => s.fullRate);
  const own = useConsole((s) => s.ownMosaic !== null);
  const panel = useConsole((s) => s.panel);
  const wallOpen = useConsole((s) => s.wallOpen);
  const formOpen = useConsole((s) => s.incidentFormOpen);
  const treeCollapsed = useConsole((s) => s.treeCollapsed);
  const {
    setLayout,
    setFullRate,
    restoreMosaic,
    setPanel,
    toggleWall,
    setIncidentFormOpen,
    setTreeCollapsed,
  } = useConsole.getState();
  const can = (p: string): boolean => perms?.includes(p as 'view') ?? false;
  // A live pane asked for from another workspace brings the live view back first.
  const live = (): void => {
    if (majorWorkspace(panel)) useConsole.getState().goWorkspace(wallOpen ? 'wall' : 'live');
  };
  const images = can('view');
  const pane = (name: Panel, testid: string, label: string) => (
    <button
      type="button"
      data-testid={testid}
      aria-pressed={panel === name}
      onClick={() => setPanel(panel === name ? 'none' : name)}
    >
      {label}
    </button>
  );
  return (
    <div className="toolbar" role="toolbar" aria-label={t('toolbar.label')}>
      <button
        type="button"
        data-testid="tree-toggle"
        aria-pressed={!treeCollapsed}
        aria-label={t(treeCollapsed ? 'tree.show' : 'tree.hide')}
        title={t(treeCollapsed ? 'tree.show' : 'tree.hide')}
        onClick={() => setTreeCollapsed(!treeCollapsed)}
      >
        {treeCollapsed ? '▸' : '◂'} {t('tree.title')}
      </button>
      {images && (
        <>
          <div className="layouts" role="group" aria-label={t('layout.label')}>
            {LAYOUTS.map((l, i) => (
              <button
                key={l}
                type="button"
                data-testid={`layout-${l}`}
                aria-pressed={l === layout}
                aria-label={t('layout.named', { layout: layoutLabel(l) })}
                aria-keyshortcuts={`Control+Shift+${i + 1}`}
                title={`${t('layout.named', { layout: layoutLabel(l) })} (Ctrl+Maj+${i + 1})`}
                onClick={() => setLayout(l)}
              >
                {layoutLabel(l)}
              </button>
            ))}
          </div>
          <button
            type="button"
            data-testid="full-rate"
            aria-pressed={fullRate}
            title={t('layout.fullRateHint')}
            onClick={() => setFullRate(!fullRate)}
          >
            {t('layout.fullRate')}
          </button>
          {own && (
            <button type="button" className="primary" data-testid="mosaic-restore" onClick={restoreMosaic}>
              {t('layout.restore')}
            </button>
          )}
          <Entry />
        </>
      )}
      <span className="spacer" />
      <div className="pane-toggles" role="group" aria-label={t('toolbar.panes')}>
        {images && pane('instructions', 'instructions-button', t('instr.button'))}
        {images && (
          <button
            type="button"
            data-testid="incident-new"
            aria-pressed={formOpen}
            onClick={() => {
              live();
              setIncidentFormOpen(!formOpen || majorWorkspace(panel) !== null);
            }}
          >
            {t('incident.new')}
          </button>
        )}
        {images && pane('incidents', 'incidents-button', t('incidents.button'))}
        {images && pane('contacts', 'contacts-button', t('contacts.button'))}
        {(images || can('settings')) && pane('map', 'map-toggle', t('map.toggle'))}
        {(can('wall') || can('settings')) && (
          <button
            type="button"
            data-testid="wall-toggle"
            aria-pressed={wallOpen && !majorWorkspace(panel)}
            onClick={() => (majorWorkspace(panel) ? useConsole.getState().goWorkspace('wall') : toggleWall())}
          >
            {t('wall.toggle')}
          </button>
        )}
      </div>
    </div>
  );
}
