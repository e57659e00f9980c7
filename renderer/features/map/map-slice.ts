import { type MapRefPoint, type MapView, MAP_MAX_IMAGE_BYTES } from '../../../common/contract';
import type { Result } from '../../../common/result';
import { rpc } from '../../api/bridge';
import type { ConsoleSlice } from '../../console/console-store';
import { fileBase64, oversize } from '../../api/file-base64';

function blobUrl(base64: string, type: string): string {
  const bin = atob(base64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return URL.createObjectURL(new Blob([bytes], { type }));
}

/**
 * The site map: what main says is in force, the plan's picture as a Blob URL (never markup), the
 * camera picked on the map, and the technician's imports (idle → sending → idle).
 */
export interface MapSlice {
  mapView: MapView | null;
  /** The plan's Blob URL, for the plan version it was made from. */
  mapPlan: { version: string; url: string } | null;
  mapSelected: number | null;
  mapImport: 'idle' | 'sending';
  loadMap(): Promise<void>;
  applyMapView(view: MapView): Promise<void>;
  /** A tile's Blob URL (the caller revokes it once shown), or null where there is none. */
  mapTileUrl(z: number, x: number, y: number): Promise<string | null>;
  selectMapCamera(cameraId: number): void;
  importPlan(file: File, points: MapRefPoint[]): Promise<boolean>;
  importTiles(folder: string): Promise<boolean>;
  resetMap(): void;
}

const initial = () => ({ mapView: null, mapPlan: null, mapSelected: null, mapImport: 'idle' as const });

export const createMapSlice: ConsoleSlice<MapSlice> = (set, get) => {
  const imported = async (r: Result<MapView>): Promise<boolean> => {
    set({ mapImport: 'idle' });
    if (!r.ok) {
      set({ error: r.error });
      return false;
    }
    set({ error: null, notice: { key: 'map.imported' } });
    await get().applyMapView(r.value);
    return true;
  };
  return {
    ...initial(),
    loadMap: async () => {
      const r = await rpc.map.get();
      if (r.ok) await get().applyMapView(r.value);
    },
    applyMapView: async (view) => {
      set({ mapView: view });
      const old = get().mapPlan;
      if (view.kind !== 'plan') {
        if (old) URL.revokeObjectURL(old.url);
        set({ mapPlan: null });
        return;
      }
      if (old?.version === view.version) return;
      const r = await rpc.map.plan();
      if (!r.ok || !r.value) return;
      const url = blobUrl(r.value.contentBase64, `image/${r.value.type}`);
      // A newer view may have arrived meanwhile: keep only the picture of the view in force.
      const now = get().mapView;
      if (now?.kind !== 'plan' || now.version !== view.version) return URL.revokeObjectURL(url);
      const prev = get().mapPlan;
      if (prev) URL.revokeObjectURL(prev.url);
      set({ mapPlan: { version: view.version, url } });
    },
    mapTileUrl: async (z, x, y) => {
      const r = await rpc.map.tile({ z, x, y });
      return r.ok && r.value ? blobUrl(r.value.contentBase64, 'image/png') : null;
    },
    selectMapCamera: (cameraId) => {
      const { tiles, select } = get();
      const tile = tiles.indexOf(cameraId);
      if (tile >= 0) select(tile); // the mosaic's selection follows, when the camera is shown
      set({ mapSelected: cameraId });
    },
    importPlan: async (file, points) => {
      const tooLarge = oversize(file, MAP_MAX_IMAGE_BYTES);
      if (tooLarge) {
        set({ error: tooLarge });
        return false;
      }
      set({ mapImport: 'sending' });
      const contentBase64 = await fileBase64(file);
      return imported(await rpc.map.importPlan({ fileName: file.name, contentBase64, points }));
    },
    importTiles: async (folder) => {
      set({ mapImport: 'sending' });
      return imported(await rpc.map.importTiles({ folder }));
    },
    resetMap: () => {
      const plan = get().mapPlan;
      if (plan) URL.revokeObjectURL(plan.url);
      set(initial());
    },
  };
};
