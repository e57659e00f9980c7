import type { StateCreator } from 'zustand';
import type { AppError } from '../../../common/result';
import type { Locale, MessageKey } from '../../i18n';
import type { ConsoleState } from '../../console/console-store';

export type Panel =
  | 'none'
  | 'registry'
  | 'operators'
  | 'input-settings'
  | 'selftest'
  | 'instructions'
  | 'incidents'
  | 'contacts'
  | 'operations'
  | 'map'
  | 'report';

/** A notice is a catalogue key and its parameters: it follows the operator's language. */
export interface Notice {
  key: MessageKey;
  params?: Record<string, string | number>;
}

/** App-wide display state: language, keyboard entry, the error and notice banners, the open panel. */
export interface UiSlice {
  locale: Locale;
  /** Digits typed on the keyboard, as on a CCTV keyboard, before Enter. */
  entry: string;
  entryMessage: string | null;
  error: AppError | null;
  notice: Notice | null;
  panel: Panel;
  setLocale(locale: Locale): void;
  setEntry(entry: string): void;
  setEntryMessage(m: string | null): void;
  setError(error: AppError | null): void;
  setNotice(notice: Notice | null): void;
  setPanel(panel: Panel): void;
}

const saved = (): Locale => (localStorage.getItem('vigie.locale') === 'en' ? 'en' : 'fr');

export const createUiSlice: StateCreator<ConsoleState, [], [], UiSlice> = (set) => ({
  locale: saved(),
  entry: '',
  entryMessage: null,
  error: null,
  notice: null,
  panel: 'none',
  setLocale: (locale) => {
    localStorage.setItem('vigie.locale', locale);
    document.documentElement.lang = locale;
    set({ locale });
  },
  setEntry: (entry) => set({ entry }),
  setEntryMessage: (entryMessage) => set({ entryMessage }),
  setError: (error) => set({ error }),
  setNotice: (notice) => set({ notice }),
  // A panel opens empty: what the previous one showed is not kept.
  setPanel: (panel) => set({ panel, registryPage: null, verification: null, operators: [] }),
});
