import type { AppError, Result } from '../../../common/result';
import type { ConsoleSlice } from '../../console/console-store';
import type { Locale, MessageKey } from '../../i18n';

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

/** The console's frame: language, keyboard entry, the error and notice banners, the open panel. */
export interface ShellSlice {
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
  /** Opens one panel (or none); each panel's own slice decides what it keeps meanwhile. */
  setPanel(panel: Panel): void;
  /** Main's answer's value, or null after showing its refusal in the error banner. */
  unwrap<T>(r: Result<T>): T | null;
  /** The session ended: no entry, no banner, no panel (the language stays with the post). */
  resetShell(): void;
}

const saved = (): Locale => (localStorage.getItem('vigie.locale') === 'en' ? 'en' : 'fr');

const initial = () => ({
  entry: '',
  entryMessage: null,
  error: null,
  notice: null,
  panel: 'none' as Panel,
});

export const createShellSlice: ConsoleSlice<ShellSlice> = (set) => ({
  locale: saved(),
  ...initial(),
  setLocale: (locale) => {
    localStorage.setItem('vigie.locale', locale);
    document.documentElement.lang = locale;
    set({ locale });
  },
  setEntry: (entry) => set({ entry }),
  setEntryMessage: (entryMessage) => set({ entryMessage }),
  setError: (error) => set({ error }),
  setNotice: (notice) => set({ notice }),
  setPanel: (panel) => set({ panel }),
  unwrap: (r) => {
    if (r.ok) return r.value;
    set({ error: r.error });
    return null;
  },
  resetShell: () => set(initial()),
});
