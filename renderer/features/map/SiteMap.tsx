/**
 * The Leaflet map itself: a plan (L.CRS.Simple and an image overlay) or the imported tiles (a grid
 * layer that asks main for each tile), and one marker per placed camera. Nothing is fetched from a
 * server: every picture is a Blob URL made by the store. A marker is dragged with the camera tree's
 * own drag payload, so console tiles and wall miniature tiles take it as they are.
 */
import * as L from 'leaflet';
import { useEffect, useRef, useState } from 'react';
import type { CameraView, MapView } from '../../../common/contract';
import { useConsole, useT } from '../../console/console-store';
import { isPlaced, markerLatLng, markerState } from './map-markers';
import { DND_CAMERA } from '../../ui/dnd';

/** Asks main for each tile; the Blob URL is revoked once the picture is decoded. */
const MainTiles = L.GridLayer.extend({
  createTile(coords: L.Coords, done: L.DoneCallback): HTMLElement {
    const img = document.createElement('img');
    img.alt = '';
    img.setAttribute('data-testid', `map-tile-${coords.z}-${coords.x}-${coords.y}`);
    void useConsole
      .getState()
      .mapTileUrl(coords.z, coords.x, coords.y)
      .then((url) => {
        if (!url) return done(undefined, img);
        img.onload = () => {
          URL.revokeObjectURL(url);
          done(undefined, img);
        };
        img.onerror = () => {
          URL.revokeObjectURL(url);
          done(new Error('tile'), img);
        };
        img.src = url;
      });
    return img;
  },
}) as new (o?: L.GridLayerOptions) => L.GridLayer;

function markerElement(c: CameraView): HTMLElement {
  const el = document.createElement('div');
  el.setAttribute('data-testid', `map-marker-${c.id}`);
  el.setAttribute('draggable', 'true');
  el.textContent = String(c.id);
  el.addEventListener('dragstart', (e) => e.dataTransfer?.setData(DND_CAMERA, String(c.id)));
  // The marker's own press must not start Leaflet's map drag (which would cancel the native one).
  for (const type of ['mousedown', 'pointerdown', 'touchstart'])
    el.addEventListener(type, (e) => e.stopPropagation());
  el.addEventListener('click', (e) => {
    e.stopPropagation();
    useConsole.getState().selectMapCamera(c.id);
  });
  return el;
}

export function SiteMap({ view }: { view: MapView }) {
  const t = useT();
  const planUrl = useConsole((s) => s.mapPlan?.url ?? null);
  const cameras = useConsole((s) => s.cameras);
  const statuses = useConsole((s) => s.statuses);
  const selected = useConsole((s) => s.mapSelected);
  const box = useRef<HTMLDivElement | null>(null);
  const map = useLeafletIn(box, view, planUrl);
  const markers = useRef(new Map<number, { marker: L.Marker; el: HTMLElement }>());

  useEffect(() => {
    const all = markers.current;
    // A new plan rebuilds the map: for one render this one may be the old map, already removed
    // (no panes left). Its markers go with it; the new map's turn comes with the next render.
    if (!map || !map.getPane('markerPane')) return;
    const keep = new Set<number>();
    for (const c of cameras.filter(isPlaced)) {
      const at = markerLatLng(view, c.lat, c.lon);
      if (!at) continue;
      keep.add(c.id);
      let m = all.get(c.id);
      if (!m) {
        const el = markerElement(c);
        const marker = L.marker(at, {
          icon: L.divIcon({ className: 'map-marker-icon', html: el, iconSize: [24, 24] }),
          keyboard: false,
        }).addTo(map);
        m = { marker, el };
        all.set(c.id, m);
      } else m.marker.setLatLng(at);
      const state = markerState(statuses, c.id);
      m.el.className = `map-marker state-${state}${selected === c.id ? ' selected' : ''}`;
      m.el.setAttribute('data-state', state);
      m.el.setAttribute('data-selected', String(selected === c.id));
      m.el.title = `${c.id} ${c.name} — ${t(`map.state.${state}`)}`;
    }
    for (const [id, m] of all)
      if (!keep.has(id)) {
        m.marker.remove();
        all.delete(id);
      }
  }, [map, view, cameras, statuses, selected, t]);
  useEffect(() => () => markers.current.clear(), [map]);

  return <div className="map-canvas" data-testid="map-canvas" data-kind={view.kind} ref={box} />;
}

/** The Leaflet map bound to the given box, rebuilt when another map is imported. */
function useLeafletIn(
  box: React.RefObject<HTMLDivElement | null>,
  view: MapView,
  planUrl: string | null,
): L.Map | null {
  const [map, setMap] = useState<L.Map | null>(null);
  const version = view.kind === 'none' ? null : view.version;
  useEffect(() => {
    const el = box.current;
    if (!el || view.kind === 'none' || (view.kind === 'plan' && !planUrl)) return;
    const m = buildMap(el, view, planUrl);
    setMap(m);
    return () => {
      setMap(null);
      m.remove();
    };
  }, [version, planUrl]);
  return map;
}

function buildMap(el: HTMLElement, view: Exclude<MapView, { kind: 'none' }>, planUrl: string | null): L.Map {
  if (view.kind === 'plan') {
    const m = L.map(el, {
      crs: L.CRS.Simple,
      minZoom: -6,
      maxZoom: 4,
      zoomSnap: 0.25,
      attributionControl: false,
    });
    const bounds = L.latLngBounds([0, 0], [view.height, view.width]);
    const overlay = L.imageOverlay(planUrl!, bounds).addTo(m);
    m.fitBounds(bounds); // the map is ready from here: the overlay has its element
    overlay.getElement()?.setAttribute('data-testid', 'map-plan');
    return m;
  }
  const m = L.map(el, { minZoom: view.minZoom, maxZoom: view.maxZoom, attributionControl: false });
  new MainTiles({ minZoom: view.minZoom, maxZoom: view.maxZoom }).addTo(m);
  const [s, w, n, e] = view.bounds;
  m.fitBounds([
    [s, w],
    [n, e],
  ]);
  return m;
}
