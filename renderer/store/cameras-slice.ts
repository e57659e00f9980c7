import type { StateCreator } from 'zustand';
import type { CameraView, ImportPreview, InventoryView } from '../../common/contract';
import { api } from '../api/bridge';
import type { ConsoleState } from './console-store';

/** The inventory in force and its imports (preview, then confirmation). */
export interface CamerasSlice {
  cameras: CameraView[];
  demo: boolean;
  inventorySource: string;
  search: string;
  preview: ImportPreview | null;
  applyInventory(view: InventoryView): void;
  setSearch(search: string): void;
  setPreview(preview: ImportPreview | null): void;
  loadInventory(): Promise<void>;
  previewImport(fileName: string, content: string): Promise<void>;
  applyImport(): Promise<void>;
}

export const createCamerasSlice: StateCreator<ConsoleState, [], [], CamerasSlice> = (set, get) => ({
  cameras: [],
  demo: false,
  inventorySource: '',
  search: '',
  preview: null,
  applyInventory: (v) => set({ cameras: v.cameras, demo: v.demo, inventorySource: v.source }),
  setSearch: (search) => set({ search }),
  setPreview: (preview) => set({ preview }),
  loadInventory: async () => {
    const inv = await api.invoke('cameras:list');
    if (!inv.ok) return;
    get().applyInventory(inv.value);
    if (inv.value.lastError) set({ error: inv.value.lastError });
  },
  previewImport: async (fileName, content) => {
    const r = await api.invoke('cameras:preview-import', { fileName, content });
    if (r.ok) set({ error: null, preview: r.value });
    else set({ error: r.error });
  },
  applyImport: async () => {
    const preview = get().preview;
    if (!preview) return;
    const r = await api.invoke('cameras:apply-import', { previewId: preview.previewId });
    set({ preview: null });
    if (r.ok) set({ notice: { key: 'import.done', params: { count: r.value.cameras.length } } });
    else set({ error: r.error });
  },
});
