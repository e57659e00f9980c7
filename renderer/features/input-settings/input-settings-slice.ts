import type { PtzInputSettings } from '../../../common/contract-ptz';
import { api } from '../../api/bridge';
import type { ConsoleSlice } from '../../console/console-store';

/** The post's input devices' tuning (dead zone, curve, inversion), as main validated and saved it. */
export interface InputSettingsSlice {
  inputSettings: PtzInputSettings | null;
  loadInputSettings(): Promise<void>;
  saveInputSettings(s: PtzInputSettings): Promise<boolean>;
  resetInputSettings(): void;
}

export const createInputSettingsSlice: ConsoleSlice<InputSettingsSlice> = (set, get) => ({
  inputSettings: null,
  loadInputSettings: async () => {
    const s = get().unwrap(await api.invoke('ptz:settings-get'));
    if (s) set({ inputSettings: s });
  },
  saveInputSettings: async (s) => {
    const saved = get().unwrap(await api.invoke('ptz:settings-set', s));
    if (saved) set({ inputSettings: saved });
    return saved !== null;
  },
  resetInputSettings: () => set({ inputSettings: null }),
});
