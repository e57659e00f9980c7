import type { ReactNode } from 'react';
import { Banners } from '../features/shell/Banners';
import { CameraTree } from '../features/cameras/CameraTree';
import { ImportDialog } from '../features/cameras/ImportDialog';
import { SelftestPanel } from '../features/selftest/SelftestPanel';
import { InputSettingsPanel } from '../features/input-settings/InputSettingsPanel';
import { LockScreen } from '../features/auth/LockScreen';
import { LoginScreen } from '../features/auth/LoginScreen';
import { Mosaic } from '../features/mosaic/Mosaic';
import { OperatorsPanel } from '../features/accounts/OperatorsPanel';
import { OperationPrompts } from '../features/operations/OperationPrompts';
import { OperationsPanel } from '../features/operations/OperationsPanel';
import { PtzPanel } from '../features/ptz/PtzPanel';
import { RegistryPanel } from '../features/registry/RegistryPanel';
import { TopBar } from '../features/shell/TopBar';
import { WallPanel } from '../features/wall-desk/WallPanel';
import { ContactsPanel } from '../features/contacts/ContactsPanel';
import { IncidentForm } from '../features/incidents/IncidentForm';
import { IncidentsPanel } from '../features/incidents/IncidentsPanel';
import { InstructionsPanel } from '../features/instructions/InstructionsPanel';
import { MapPanel } from '../features/map/MapPanel';
import { ReportPanel } from '../features/report/ReportPanel';
import { PanelBoundary } from '../features/shell/PanelBoundary';
import { useConsole, useT } from './console-store';

/** Each panel and pane sits in its own boundary: one that throws never takes the mosaic with it. */
export function App() {
  const t = useT();
  const checked = useConsole((s) => s.authChecked);
  const session = useConsole((s) => s.session);
  const panel = useConsole((s) => s.panel);
  const wallOpen = useConsole((s) => s.wallOpen);
  const incidentFormOpen = useConsole((s) => s.incidentFormOpen);
  const { setPanel, toggleWall, setIncidentFormOpen, setPreview, closeReport } = useConsole.getState();
  if (!checked) return null;
  if (!session) return <LoginScreen />;
  if (session.locked) return <LockScreen />;
  const images = session.permissions.includes('view');
  const close = (): void => setPanel('none');
  const modal = (name: string, node: ReactNode, onClose = close) => (
    <PanelBoundary name={name} kind="modal" onClose={onClose}>
      {node}
    </PanelBoundary>
  );
  return (
    <div className="app">
      <PanelBoundary name="topbar" kind="inline">
        <TopBar />
      </PanelBoundary>
      <PanelBoundary name="banners" kind="inline">
        <Banners />
      </PanelBoundary>
      <main className="workspace">
        <PanelBoundary name="camera-tree" kind="pane">
          <CameraTree />
        </PanelBoundary>
        {images ? (
          <PanelBoundary name="mosaic" kind="inline">
            <Mosaic />
          </PanelBoundary>
        ) : (
          <p className="no-images" data-testid="no-images">
            {t('shell.noImages')}
          </p>
        )}
        {images && session.permissions.includes('ptz') && (
          <PanelBoundary name="ptz" kind="pane">
            <PtzPanel />
          </PanelBoundary>
        )}
        {wallOpen && (
          <PanelBoundary name="wall" kind="pane" onClose={toggleWall}>
            <WallPanel />
          </PanelBoundary>
        )}
        {images && panel === 'instructions' && (
          <PanelBoundary name="instructions" kind="pane" onClose={close}>
            <InstructionsPanel />
          </PanelBoundary>
        )}
        {panel === 'map' && (
          <PanelBoundary name="map" kind="pane" onClose={close}>
            <MapPanel />
          </PanelBoundary>
        )}
      </main>
      {modal('import', <ImportDialog />, () => setPreview(null))}
      {panel === 'registry' && modal('registry', <RegistryPanel />)}
      {panel === 'operators' && modal('operators', <OperatorsPanel />)}
      {panel === 'input-settings' && modal('input-settings', <InputSettingsPanel />)}
      {panel === 'selftest' && modal('selftest', <SelftestPanel />)}
      {images && panel === 'incidents' && modal('incidents', <IncidentsPanel />)}
      {images && panel === 'contacts' && modal('contacts', <ContactsPanel />)}
      {images &&
        incidentFormOpen &&
        modal('incident-form', <IncidentForm />, () => setIncidentFormOpen(false))}
      {panel === 'operations' && modal('operations', <OperationsPanel />)}
      {session.permissions.includes('operations') && (
        <PanelBoundary name="operation-prompts" kind="inline">
          <OperationPrompts />
        </PanelBoundary>
      )}
      {panel === 'report' && modal('report', <ReportPanel />, closeReport)}
    </div>
  );
}
