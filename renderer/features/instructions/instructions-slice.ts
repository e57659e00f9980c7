import {
  MAX_INSTRUCTIONS_BYTES,
  type InstructionsContent,
  type InstructionsVersionView,
  type InstructionsView,
} from '../../../common/contract';
import { rpc } from '../../api/bridge';
import { fileBase64, oversize } from '../../api/file-base64';
import type { ConsoleSlice } from '../../console/console-store';

/** The common instructions (issue 12): every version main keeps, and the one open in the side panel. */
export interface InstructionsSlice {
  instructions: InstructionsView | null;
  /** The version open in the side panel. */
  instructionsDoc: { version: InstructionsVersionView; content: InstructionsContent } | null;
  applyInstructions(view: InstructionsView): void;
  loadInstructions(): Promise<void>;
  readInstructions(version: number): Promise<void>;
  /** Returns true once imported; a refusal is shown and the current version stays. */
  importInstructions(file: File, categories: string[]): Promise<boolean>;
  resetInstructions(): void;
}

export const createInstructionsSlice: ConsoleSlice<InstructionsSlice> = (set, get) => ({
  instructions: null,
  instructionsDoc: null,
  applyInstructions: (instructions) => {
    set({ instructions });
    // The panel follows a new version when it showed the previous current one.
    const open = get().instructionsDoc;
    const current = instructions.current;
    if (open && current && open.version.version !== current.version && get().panel === 'instructions')
      void get().readInstructions(current.version);
  },
  loadInstructions: async () => {
    const v = get().unwrap(await rpc.instructions.get());
    if (v) set({ instructions: v });
  },
  readInstructions: async (version) => {
    const doc = get().unwrap(await rpc.instructions.read({ version }));
    if (doc) set({ instructionsDoc: doc });
  },
  importInstructions: async (file, categories) => {
    const tooLarge = oversize(file, MAX_INSTRUCTIONS_BYTES);
    if (tooLarge) {
      set({ error: tooLarge });
      return false;
    }
    const contentBase64 = await fileBase64(file);
    const r = get().unwrap(
      await rpc.instructions.import({
        fileName: file.name,
        contentBase64,
        ...(categories.length > 0 && { categories }),
      }),
    );
    if (!r) return false;
    set({ instructions: r, error: null });
    if (r.current) await get().readInstructions(r.current.version);
    return true;
  },
  resetInstructions: () => set({ instructions: null, instructionsDoc: null }),
});
