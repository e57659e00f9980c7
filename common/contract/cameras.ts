/** The camera inventory (the convention's annex): what the console may know of it, its imports and their history. */
import type { AppError } from '../result';
import { channel, event } from './spec';

/** Camera files: a byte limit whose base64 form stays well under the 8 MiB socket limit. */
export const MAX_IMPORT_BYTES = 4 * 1024 * 1024;

/** What the renderer may know of a camera: never its URLs nor credentials. */
export interface CameraView {
  id: number;
  name: string;
  site: string;
  zone: string;
  hasSub: boolean;
  ptz: 'onvif' | 'pelco-d' | null;
  lat?: number;
  lon?: number;
}

/** One problem in a camera file, located precisely enough for an operator to fix it. */
export interface InventoryProblem {
  /** 1-based line in a CSV file, or 1-based entry in a JSON file. */
  line?: number;
  entry?: number;
  cameraId?: number;
  field: string;
  code: string;
  /** French, for logs and the CLI; the console translates `code`. */
  message: string;
}

/** The problems a refused camera file carries (`invalid_inventory`…); none for any other error. */
export function inventoryProblems(e: AppError): InventoryProblem[] {
  return Array.isArray(e.details) ? (e.details as InventoryProblem[]) : [];
}

export interface InventoryView {
  cameras: CameraView[];
  demo: boolean;
  source: string;
  loadedAt: string;
  /** Set when the last load attempt failed and the previous inventory stayed in force. */
  lastError: AppError<InventoryProblem[]> | null;
}

export interface FieldChange {
  field: string;
  before: string;
  after: string;
}
export interface InventoryDiff {
  added: CameraView[];
  removed: CameraView[];
  changed: { id: number; name: string; changes: FieldChange[] }[];
}
export interface ImportPreview {
  previewId: string;
  fileName: string;
  count: number;
  diff: InventoryDiff;
}
export interface InventoryChange {
  at: string;
  source: string;
  diff: InventoryDiff;
}

/** A camera file: its bytes, base64; main detects their encoding (main/video/cameras/inventory-decode.ts). */
export interface ImportFileInput {
  fileName: string;
  contentBase64: string;
}

export const camerasChannels = {
  'cameras:list': channel<undefined, InventoryView>(),
  'cameras:preview-import': channel<ImportFileInput, ImportPreview>(),
  'cameras:apply-import': channel<{ previewId: string }, InventoryView>(),
  'cameras:history': channel<undefined, InventoryChange[]>(),
};

export const camerasEvents = {
  'cameras:changed': event<InventoryView>(),
};
