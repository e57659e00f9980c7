import type { StateCreator } from 'zustand';
import type { AppError } from '../../common/result';
import type { CameraView, ImportPreview, InventoryView } from '../../common/contract';
import type { ConsoleState } from './console-store';

export interface CamerasSlice {
  cameras: CameraView[];
  demo: boolean;
  inventorySource: string;
  search: string;
  preview: ImportPreview | null;
  error: AppError | null;
  notice: string | null;
  applyInventory(view: InventoryView): void;
  setSearch(search: string): void;
  setPreview(preview: ImportPreview | null): void;
  setError(error: AppError | null): void;
  setNotice(notice: string | null): void;
}

export const createCamerasSlice: StateCreator<ConsoleState, [], [], CamerasSlice> = (set) => ({
  cameras: [],
  demo: false,
  inventorySource: '',
  search: '',
  preview: null,
  error: null,
  notice: null,
  applyInventory: (v) => set({ cameras: v.cameras, demo: v.demo, inventorySource: v.source }),
  setSearch: (search) => set({ search }),
  setPreview: (preview) => set({ preview }),
  setError: (error) => set({ error }),
  setNotice: (notice) => set({ notice }),
});

/** Site → zone → cameras, filtered by name, site, zone or number. */
export function cameraTree(
  cameras: CameraView[],
  search: string,
): { site: string; zones: { zone: string; cameras: CameraView[] }[] }[] {
  const q = search.trim().toLocaleLowerCase('fr');
  const match = (c: CameraView): boolean =>
    !q ||
    String(c.id) === q ||
    String(c.id).startsWith(q) ||
    [c.name, c.site, c.zone].some((s) => s.toLocaleLowerCase('fr').includes(q));
  const sites = new Map<string, Map<string, CameraView[]>>();
  for (const c of cameras.filter(match)) {
    const zones = sites.get(c.site) ?? new Map<string, CameraView[]>();
    zones.set(c.zone, [...(zones.get(c.zone) ?? []), c]);
    sites.set(c.site, zones);
  }
  return [...sites].map(([site, zones]) => ({
    site,
    zones: [...zones].map(([zone, cams]) => ({ zone, cameras: cams })),
  }));
}
