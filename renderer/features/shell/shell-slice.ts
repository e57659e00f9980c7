import type { RegistryHealthView } from '../../../common/contract';
import type { AppError, Result } from '../../../common/result';
import { rpc } from '../../api/bridge';
import type { ConsoleSlice } from '../../console/console-store';
import type { Locale, MessageKey } from '../../i18n';
import { adminSections, majorWorkspace, type Workspace } from './workspace';

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
  | 'report'
  /** The administration workspace's camera section (the inventory and its import). */
  | 'admin';

/** A notice is a catalogue key and its parameters: it follows the operator's language. */
export interface Notice {
  key: MessageKey;
  params?: Record<string, string | number>;
}

/** A destructive action waits for the operator's yes: what it is, in the catalogue's words. */
export interface ConfirmRequest {
  title: Notice;
  body: Notice;
  ok: MessageKey;
}

/** The console's frame: language, keyboard entry, notices, the open panel and workspace, dialogs. */
export interface ShellSlice {
  locale: Locale;
  /** Digits typed on the keyboard, as on a CCTV keyboard, before Enter. */
  entry: string;
  entryMessage: Notice | null;
  /** The last refusal, shown in the dialog or pane whose action caused it (`errorWhere`). */
  error: AppError | null;
  /** The `data-surface` the error belongs to; `console` when that part is not open. */
  errorWhere: string | null;
  /** A transient notice (a toast that expires). */
  notice: Notice | null;
  panel: Panel;
  confirm: ConfirmRequest | null;
  shortcutsOpen: boolean;
  /** The camera tree folded away, to give the mosaic its width. */
  treeCollapsed: boolean;
  /** Whether the registry can write (pushed by main; null until read): the status area says why not. */
  registryHealth: RegistryHealthView | null;
  setLocale(locale: Locale): void;
  setEntry(entry: string): void;
  setEntryMessage(m: Notice | null): void;
  setError(error: AppError | null): void;
  setErrorWhere(where: string | null): void;
  /** A success in `surface`: the refusal shown there goes (never an error and a later success at once). */
  clearErrorIn(surface: string): void;
  setNotice(notice: Notice | null): void;
  /** Opens one panel (or none); each panel's own slice decides what it keeps meanwhile. */
  setPanel(panel: Panel): void;
  /** The rail: a workspace by name (the dock shows it; the mosaic stays and plays). */
  goWorkspace(workspace: Workspace): void;
  /** Resolves true when the operator confirms, false when he cancels (or presses Escape). */
  askConfirm(request: ConfirmRequest): Promise<boolean>;
  answerConfirm(ok: boolean): void;
  setShortcutsOpen(open: boolean): void;
  setTreeCollapsed(collapsed: boolean): void;
  loadRegistryHealth(): Promise<void>;
  applyRegistryHealth(health: RegistryHealthView): void;
  /** Main's answer's value, or null after showing its refusal where the action was made. */
  unwrap<T>(r: Result<T>): T | null;
  /** The session ended: no entry, no banner, no panel (the language stays with the post). */
  resetShell(): void;
}

const saved = (): Locale => (localStorage.getItem('vigie.locale') === 'en' ? 'en' : 'fr');

let answer: ((ok: boolean) => void) | null = null;

const initial = () => ({
  entry: '',
  entryMessage: null,
  error: null,
  errorWhere: null,
  notice: null,
  panel: 'none' as Panel,
  confirm: null,
  shortcutsOpen: false,
  treeCollapsed: false,
  registryHealth: null,
});

export const createShellSlice: ConsoleSlice<ShellSlice> = (set, get) => ({
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
  setErrorWhere: (errorWhere) => set({ errorWhere }),
  clearErrorIn: (surface) => {
    if (get().error && get().errorWhere === surface) set({ error: null });
  },
  setNotice: (notice) => set({ notice }),
  setPanel: (panel) => set({ panel }),
  goWorkspace: (workspace) => {
    const s = get();
    const perms = s.session?.permissions ?? [];
    if (workspace === 'live' || workspace === 'wall') {
      if (s.panel === 'report') s.closeReport();
      else if (majorWorkspace(s.panel)) s.setPanel('none');
      if ((workspace === 'wall') !== get().wallOpen) get().toggleWall();
      return;
    }
    if (workspace === 'registry') s.setPanel('registry');
    else if (workspace === 'operations') s.setPanel('operations');
    else if (workspace === 'reports') s.setPanel('report');
    else if (majorWorkspace(s.panel) !== 'admin') s.setPanel(adminSections(perms)[0] ?? 'none');
  },
  askConfirm: (confirm) => {
    answer?.(false);
    set({ confirm });
    return new Promise<boolean>((resolve) => {
      answer = resolve;
    });
  },
  answerConfirm: (ok) => {
    const done = answer;
    answer = null;
    set({ confirm: null });
    done?.(ok);
  },
  setShortcutsOpen: (shortcutsOpen) => set({ shortcutsOpen }),
  setTreeCollapsed: (treeCollapsed) => set({ treeCollapsed }),
  loadRegistryHealth: async () => {
    const r = await rpc.registry.writable();
    if (r.ok) set({ registryHealth: r.value });
  },
  applyRegistryHealth: (registryHealth) => set({ registryHealth }),
  unwrap: (r) => {
    if (r.ok) return r.value;
    set({ error: r.error });
    return null;
  },
  resetShell: () => {
    answer?.(false);
    answer = null;
    set(initial());
  },
});
