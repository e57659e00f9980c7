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
import { useConsole, useT } from './console-store';

export function App() {
  const t = useT();
  const checked = useConsole((s) => s.authChecked);
  const session = useConsole((s) => s.session);
  const panel = useConsole((s) => s.panel);
  const wallOpen = useConsole((s) => s.wallOpen);
  const incidentFormOpen = useConsole((s) => s.incidentFormOpen);
  if (!checked) return null;
  if (!session) return <LoginScreen />;
  if (session.locked) return <LockScreen />;
  const images = session.permissions.includes('view');
  return (
    <div className="app">
      <TopBar />
      <Banners />
      <main className="workspace">
        <CameraTree />
        {images ? (
          <Mosaic />
        ) : (
          <p className="no-images" data-testid="no-images">
            {t('op.noImages')}
          </p>
        )}
        {images && session.permissions.includes('ptz') && <PtzPanel />}
        {wallOpen && <WallPanel />}
        {images && panel === 'instructions' && <InstructionsPanel />}
        {panel === 'map' && <MapPanel />}
      </main>
      <ImportDialog />
      {panel === 'registry' && <RegistryPanel />}
      {panel === 'operators' && <OperatorsPanel />}
      {panel === 'input-settings' && <InputSettingsPanel />}
      {panel === 'selftest' && <SelftestPanel />}
      {images && panel === 'incidents' && <IncidentsPanel />}
      {images && panel === 'contacts' && <ContactsPanel />}
      {images && incidentFormOpen && <IncidentForm />}
      {panel === 'operations' && <OperationsPanel />}
      {session.permissions.includes('operations') && <OperationPrompts />}
      {panel === 'report' && <ReportPanel />}
    </div>
  );
}
