import { Banners } from './components/Banners';
import { CameraTree } from './components/CameraTree';
import { ImportDialog } from './components/ImportDialog';
import { SelftestPanel } from './components/SelftestPanel';
import { InputSettingsPanel } from './components/InputSettingsPanel';
import { LockScreen } from './components/LockScreen';
import { LoginScreen } from './components/LoginScreen';
import { Mosaic } from './components/Mosaic';
import { OperatorsPanel } from './components/OperatorsPanel';
import { OperationPrompts } from './components/OperationPrompts';
import { OperationsPanel } from './components/OperationsPanel';
import { PtzPanel } from './components/PtzPanel';
import { RegistryPanel } from './components/RegistryPanel';
import { TopBar } from './components/TopBar';
import { WallPanel } from './components/WallPanel';
import { ContactsPanel } from './components/ContactsPanel';
import { IncidentForm } from './components/IncidentForm';
import { IncidentsPanel } from './components/IncidentsPanel';
import { InstructionsPanel } from './components/InstructionsPanel';
import { MapPanel } from './components/MapPanel';
import { ReportPanel } from './components/ReportPanel';
import { useConsole, useT } from './store/console-store';

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
