import type { StateCreator } from 'zustand';
import type { Locale } from '../i18n';
import type { ConsoleState } from './console-store';

export interface UiSlice {
  locale: Locale;
  /** Digits typed on the keyboard, as on a CCTV keyboard, before Enter. */
  entry: string;
  entryMessage: string | null;
  setLocale(locale: Locale): void;
  setEntry(entry: string): void;
  setEntryMessage(m: string | null): void;
}

const saved = (): Locale => (localStorage.getItem('vigie.locale') === 'en' ? 'en' : 'fr');

export const createUiSlice: StateCreator<ConsoleState, [], [], UiSlice> = (set) => ({
  locale: saved(),
  entry: '',
  entryMessage: null,
  setLocale: (locale) => {
    localStorage.setItem('vigie.locale', locale);
    document.documentElement.lang = locale;
    set({ locale });
  },
  setEntry: (entry) => set({ entry }),
  setEntryMessage: (entryMessage) => set({ entryMessage }),
});
