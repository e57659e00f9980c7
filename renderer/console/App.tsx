/**
 * The console's shell: a slim header, the rail of workspaces, the toolbar over the mosaic, and the
 * body: the camera tree (and the PTZ pane when the selected camera can move), the mosaic, and the
 * dock beside it, which shows the workspace (registry, operations, report, administration) or the
 * live view's panes. The mosaic never moves between workspaces, so its tiles keep playing. Each
 * part sits in its own error boundary: one that throws never takes the mosaic with it.
 */
import type { Permission } from '../../common/roles';
import { useEffect, useRef, type ChangeEvent, type ReactNode } from 'react';
import { CameraTree } from '../features/cameras/CameraTree';
import { ImportDialog } from '../features/cameras/ImportDialog';
import { LockScreen } from '../features/auth/LockScreen';
import { LoginScreen } from '../features/auth/LoginScreen';
import { Mosaic } from '../features/mosaic/Mosaic';
import { OperationPrompts } from '../features/operations/OperationPrompts';
import { OperationsPanel } from '../features/operations/OperationsPanel';
import { PtzPanel } from '../features/ptz/PtzPanel';
import { RegistryPanel } from '../features/registry/RegistryPanel';
import { WallPanel } from '../features/wall-desk/WallPanel';
import { ContactsPanel } from '../features/contacts/ContactsPanel';
import { IncidentForm } from '../features/incidents/IncidentForm';
import { IncidentsPanel } from '../features/incidents/IncidentsPanel';
import { InstructionsPanel } from '../features/instructions/InstructionsPanel';
import { MapPanel } from '../features/map/MapPanel';
import { ReportPanel } from '../features/report/ReportPanel';
import { AdminPanel } from '../features/shell/AdminPanel';
import { ConfirmDialog } from '../features/shell/ConfirmDialog';
import { ErrorNote } from '../features/shell/ErrorNote';
import { Header } from '../features/shell/Header';
import { LiveToolbar } from '../features/shell/LiveToolbar';
import { PanelBoundary } from '../features/shell/PanelBoundary';
import { Rail } from '../features/shell/Rail';
import { ShortcutsDialog } from '../features/shell/ShortcutsDialog';
import { Toast } from '../features/shell/Toast';
import { majorWorkspace, workspaceOf } from '../features/shell/workspace';
import { NONE } from '../ui/empty';
import { useConsole, useT } from './console-store';

/** The PTZ pane, only while the selected tile's camera can move; main learns which camera the devices steer. */
function PtzDock() {
  const t = useT();
  const cameraId = useConsole((s) => s.tiles[s.solo ?? s.selected] ?? null);
  const camera = useConsole((s) =>
    cameraId === null ? undefined : s.cameras.find((c) => c.id === cameraId),
  );
  const ptzCamera = camera?.ptz ? camera.id : null;
  useEffect(() => {
    useConsole.getState().ptzSelect(ptzCamera);
  }, [ptzCamera]);
  if (ptzCamera === null)
    return camera ? (
      <p className="ptz-none" data-testid="ptz-none">
        {t('ptz.notPtz')}
      </p>
    ) : null;
  return (
    <PanelBoundary name="ptz" kind="pane">
      <PtzPanel />
    </PanelBoundary>
  );
}

/** Beside the mosaic: the open workspace (wide), or the live view's panes, the newest at the top. */
function Dock({ images }: { images: boolean }) {
  const panel = useConsole((s) => s.panel);
  const wallOpen = useConsole((s) => s.wallOpen);
  const formOpen = useConsole((s) => s.incidentFormOpen);
  const { setPanel, closeReport, toggleWall, setIncidentFormOpen } = useConsole.getState();
  const close = (): void => setPanel('none');
  const pane = (name: string, node: ReactNode, onClose = close) => (
    <PanelBoundary key={name} name={name} kind="pane" onClose={onClose}>
      {node}
    </PanelBoundary>
  );
  const major = majorWorkspace(panel);
  if (major)
    return (
      <div className="dock dock-major" data-testid="dock" data-workspace={major}>
        {major === 'admin' && <AdminPanel />}
        {panel === 'registry' && pane('registry', <RegistryPanel />)}
        {panel === 'operations' && pane('operations', <OperationsPanel />)}
        {panel === 'report' && pane('report', <ReportPanel />, closeReport)}
      </div>
    );
  const panes: ReactNode[] = [];
  if (images && formOpen)
    panes.push(pane('incident-form', <IncidentForm />, () => setIncidentFormOpen(false)));
  if (wallOpen) panes.push(pane('wall', <WallPanel />, toggleWall));
  if (images && panel === 'instructions') panes.push(pane('instructions', <InstructionsPanel />));
  if (images && panel === 'incidents') panes.push(pane('incidents', <IncidentsPanel />));
  if (images && panel === 'contacts') panes.push(pane('contacts', <ContactsPanel />));
  if (panel === 'map') panes.push(pane('map', <MapPanel />));
  if (panes.length === 0) return null;
  return (
    <div className="dock dock-live" data-testid="dock" data-workspace={wallOpen ? 'wall' : 'live'}>
      {panes}
    </div>
  );
}

/** The camera file picked in the administration workspace (or by a tool): its preview, then confirmation. */
function ImportFile() {
  const file = useRef<HTMLInputElement>(null);
  const onFile = async (e: ChangeEvent<HTMLInputElement>): Promise<void> => {
    const f = e.target.files?.[0];
    e.target.value = '';
    if (f) await useConsole.getState().previewImport(f);
  };
  return (
    <input
      ref={file}
      type="file"
      accept=".json,.csv,application/json,text/csv"
      hidden
      data-testid="import-file"
      onChange={(e) => void onFile(e)}
    />
  );
}

function Shell() {
  const t = useT();
  const perms: readonly Permission[] = useConsole((s) => s.session?.permissions) ?? NONE;
  const panel = useConsole((s) => s.panel);
  const wallOpen = useConsole((s) => s.wallOpen);
  const treeCollapsed = useConsole((s) => s.treeCollapsed);
  const images = perms.includes('view');
  const ptz = images && perms.includes('ptz');
  return (
    <div className="app" data-workspace={workspaceOf(panel, wallOpen)}>
      <PanelBoundary name="header" kind="inline">
        <Header />
      </PanelBoundary>
      <ErrorNote surface="console" />
      <div className="frame">
        <PanelBoundary name="rail" kind="inline">
          <Rail />
        </PanelBoundary>
        <div className="work">
          <PanelBoundary name="toolbar" kind="inline">
            <LiveToolbar />
          </PanelBoundary>
          <div className="body">
            {(!treeCollapsed || ptz) && (
              <div className={`side${treeCollapsed ? ' collapsed' : ''}`}>
                {!treeCollapsed && (
                  <PanelBoundary name="camera-tree" kind="pane">
                    <CameraTree />
                  </PanelBoundary>
                )}
                {ptz && <PtzDock />}
              </div>
            )}
            <main className="center" aria-label={t('mosaic.label')}>
              {images ? (
                <PanelBoundary name="mosaic" kind="inline">
                  <Mosaic />
                </PanelBoundary>
              ) : (
                <p className="no-images" data-testid="no-images">
                  {t('shell.noImages')}
                </p>
              )}
            </main>
            <Dock images={images} />
          </div>
        </div>
      </div>
      <Toast />
      {perms.includes('operations') && (
        <PanelBoundary name="operation-prompts" kind="inline">
          <OperationPrompts />
        </PanelBoundary>
      )}
      <PanelBoundary name="import" kind="modal" onClose={() => useConsole.getState().setPreview(null)}>
        <ImportDialog />
      </PanelBoundary>
      <ConfirmDialog />
      <ShortcutsDialog />
      <ImportFile />
    </div>
  );
}

export function App() {
  const checked = useConsole((s) => s.authChecked);
  const session = useConsole((s) => s.session);
  if (!checked) return null;
  if (!session) return <LoginScreen />;
  if (session.locked) return <LockScreen />;
  return <Shell />;
}
