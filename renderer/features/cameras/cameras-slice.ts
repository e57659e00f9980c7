import {
  MAX_IMPORT_BYTES,
  type CameraView,
  type ImportPreview,
  type InventoryView,
} from '../../../common/contract';
import { rpc } from '../../api/bridge';
import { fileBase64, oversize } from '../../api/file-base64';
import type { ConsoleSlice } from '../../console/console-store';

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
  /** Sends the file's bytes (main detects the encoding); an oversized file is refused before sending. */
  previewImport(file: File): Promise<void>;
  applyImport(): Promise<void>;
  resetCameras(): void;
}

const initial = () => ({
  cameras: [] as CameraView[],
  demo: false,
  inventorySource: '',
  search: '',
  preview: null,
});

export const createCamerasSlice: ConsoleSlice<CamerasSlice> = (set, get) => ({
  ...initial(),
  applyInventory: (v) => set({ cameras: v.cameras, demo: v.demo, inventorySource: v.source }),
  setSearch: (search) => set({ search }),
  setPreview: (preview) => set({ preview }),
  loadInventory: async () => {
    const inv = await rpc.cameras.list();
    if (!inv.ok) return;
    get().applyInventory(inv.value);
    if (inv.value.lastError) set({ error: inv.value.lastError });
  },
  previewImport: async (file) => {
    const tooLarge = oversize(file, MAX_IMPORT_BYTES);
    if (tooLarge) return set({ error: tooLarge });
    // Bytes, not text: a French Excel writes Windows-1252.
    const contentBase64 = await fileBase64(file);
    const r = await rpc.cameras.previewImport({ fileName: file.name, contentBase64 });
    if (r.ok) set({ error: null, preview: r.value });
    else set({ error: r.error });
  },
  applyImport: async () => {
    const preview = get().preview;
    if (!preview) return;
    const r = await rpc.cameras.applyImport({ previewId: preview.previewId });
    set({ preview: null });
    if (r.ok) set({ notice: { key: 'import.done', params: { count: r.value.cameras.length } } });
    else set({ error: r.error });
  },
  resetCameras: () => set(initial()),
});
