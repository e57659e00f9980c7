import type { PtzInputSettings, PtzInputView } from '../../../common/contract';
import { rpc } from '../../api/bridge';
import type { ConsoleSlice } from '../../console/console-store';

/** The post's input devices' tuning (dead zone, curve, inversion), as main validated and saved it. */
export interface InputSettingsSlice {
  inputSettings: PtzInputSettings | null;
  /** The devices' axes and buttons right now, pushed by main to the technician's consoles. */
  inputLive: PtzInputView | null;
  applyPtzInput(v: PtzInputView): void;
  loadInputSettings(): Promise<void>;
  saveInputSettings(s: PtzInputSettings): Promise<boolean>;
  resetInputSettings(): void;
}

export const createInputSettingsSlice: ConsoleSlice<InputSettingsSlice> = (set, get) => ({
  inputSettings: null,
  inputLive: null,
  applyPtzInput: (inputLive) => set({ inputLive }),
  loadInputSettings: async () => {
    const s = get().unwrap(await rpc.ptz.settingsGet());
    if (s) set({ inputSettings: s });
  },
  saveInputSettings: async (s) => {
    const saved = get().unwrap(await rpc.ptz.settingsSet(s));
    if (saved) set({ inputSettings: saved });
    return saved !== null;
  },
  resetInputSettings: () => set({ inputSettings: null, inputLive: null }),
});
