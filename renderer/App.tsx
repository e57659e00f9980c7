import { Banners } from './components/Banners';
import { CameraTree } from './components/CameraTree';
import { ImportDialog } from './components/ImportDialog';
import { Mosaic } from './components/Mosaic';
import { TopBar } from './components/TopBar';

export function App() {
  return (
    <div className="app">
      <TopBar />
      <Banners />
      <main className="workspace">
        <CameraTree />
        <Mosaic />
      </main>
      <ImportDialog />
    </div>
  );
}
