/**
 * The site map panel: the plan or tiles with one marker per placed camera and its state, the
 * cameras without coordinates listed apart, and, for the technician, the import form.
 */
import { useEffect, useMemo } from 'react';
import { useConsole, useT } from '../../console/console-store';
import { isPlaced, markerState } from './map-markers';
import { MapImportForm } from './MapImportForm';
import { SiteMap } from './SiteMap';
import { DND_CAMERA } from '../../ui/dnd';
import { ErrorNote } from '../shell/ErrorNote';

function Unplaced() {
  const t = useT();
  const cameras = useConsole((s) => s.cameras);
  const statuses = useConsole((s) => s.statuses);
  const unplaced = useMemo(() => cameras.filter((c) => !isPlaced(c)), [cameras]);
  return (
    <section className="map-unplaced" data-testid="map-unplaced" data-count={unplaced.length}>
      <h3>{t('map.unplaced', { count: unplaced.length })}</h3>
      <ul>
        {unplaced.map((c) => (
          <li
            key={c.id}
            data-testid={`map-unplaced-${c.id}`}
            data-state={markerState(statuses, c.id)}
            draggable
            onDragStart={(e) => e.dataTransfer.setData(DND_CAMERA, String(c.id))}
          >
            <span className="cam-num">{c.id}</span> {c.name}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function MapPanel() {
  const t = useT();
  const view = useConsole((s) => s.mapView);
  const canImport = useConsole((s) => s.session?.permissions.includes('settings') ?? false);
  useEffect(() => {
    void useConsole.getState().loadMap();
  }, []);
  return (
    <section
      className="map-panel pane"
      data-testid="map-panel"
      data-surface="map"
      data-kind={view?.kind ?? ''}
      aria-labelledby="map-title"
    >
      <header className="pane-head">
        <h2 id="map-title">{t('map.title')}</h2>
        <button type="button" data-testid="map-close" onClick={() => useConsole.getState().setPanel('none')}>
          {t('panel.close')}
        </button>
      </header>
      <ErrorNote surface="map" />
      <div className="pane-body">
        {view?.kind === 'none' && (
          <p className="muted" data-testid="map-none">
            {t(canImport ? 'map.noneTechnician' : 'map.none')}
          </p>
        )}
        {view && view.kind !== 'none' && <SiteMap view={view} />}
        <Unplaced />
        {canImport && <MapImportForm />}
      </div>
    </section>
  );
}
