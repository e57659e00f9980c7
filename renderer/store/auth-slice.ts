import type { StateCreator } from 'zustand';
import type { SessionView } from '../../common/contract';
import type { ConsoleState } from './console-store';

export type Panel = 'none' | 'registry' | 'operators';

export interface AuthSlice {
  session: SessionView | null;
  demoAvailable: boolean;
  authChecked: boolean;
  panel: Panel;
  setSession(session: SessionView | null): void;
  setAuthStatus(session: SessionView | null, demoAvailable: boolean): void;
  setPanel(panel: Panel): void;
}

export const createAuthSlice: StateCreator<ConsoleState, [], [], AuthSlice> = (set) => ({
  session: null,
  demoAvailable: false,
  authChecked: false,
  panel: 'none',
  setSession: (session) => set({ session, ...(session === null && { panel: 'none' as Panel }) }),
  setAuthStatus: (session, demoAvailable) => set({ session, demoAvailable, authChecked: true }),
  setPanel: (panel) => set({ panel }),
});
