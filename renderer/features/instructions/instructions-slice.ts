import type { StateCreator } from 'zustand';
import {
  MAX_INSTRUCTIONS_BYTES,
  type ContactsInput,
  type ContactsView,
  type IncidentFilter,
  type IncidentInput,
  type IncidentView,
  type InstructionsContent,
  type InstructionsVersionView,
  type InstructionsView,
} from '../../../common/contract-docs';
import type { Result } from '../../../common/result';
import { api } from '../../api/bridge';
import type { ConsoleState } from '../../console/console-store';
import { fileBase64 } from '../../api/file-base64';

/** Issue 12's shared documents: the common instructions, the incident reports and the contacts. */
export interface DocsSlice {
  instructions: InstructionsView | null;
  /** The version open in the side panel. */
  instructionsDoc: { version: InstructionsVersionView; content: InstructionsContent } | null;
  incidents: IncidentView[];
  incidentFilter: IncidentFilter;
  incidentFormOpen: boolean;
  contacts: ContactsView | null;
  applyInstructions(view: InstructionsView): void;
  loadInstructions(): Promise<void>;
  readInstructions(version: number): Promise<void>;
  /** Returns true once imported; a refusal is shown and the current version stays. */
  importInstructions(file: File, categories: string[]): Promise<boolean>;
  setIncidentFormOpen(open: boolean): void;
  reportIncident(input: IncidentInput): Promise<IncidentView | null>;
  listIncidents(filter: IncidentFilter): Promise<void>;
  incidentAdded(v: IncidentView): void;
  applyContacts(v: ContactsView): void;
  loadContacts(): Promise<void>;
  saveContacts(input: ContactsInput): Promise<boolean>;
}

/** Does a pushed report belong in the list as filtered? (The list re-reads on every filter change.) */
export function matchesFilter(v: IncidentView, f: IncidentFilter): boolean {
  const day = (iso: string): string => {
    const d = new Date(iso);
    const p = (n: number): string => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
  };
  return (
    (f.category === undefined || v.category === f.category) &&
    (f.urgency === undefined || v.urgency === f.urgency) &&
    (f.cameraId === undefined || v.cameras.includes(f.cameraId)) &&
    (f.from === undefined || day(v.occurredAt) >= f.from) &&
    (f.to === undefined || day(v.occurredAt) <= f.to)
  );
}

export const createDocsSlice: StateCreator<ConsoleState, [], [], DocsSlice> = (set, get) => {
  const value = <T>(r: Result<T>): T | null => {
    if (r.ok) return r.value;
    set({ error: r.error });
    return null;
  };
  return {
    instructions: null,
    instructionsDoc: null,
    incidents: [],
    incidentFilter: {},
    incidentFormOpen: false,
    contacts: null,
    applyInstructions: (instructions) => {
      set({ instructions });
      // The panel follows a new version when it showed the previous current one.
      const open = get().instructionsDoc;
      const current = instructions.current;
      if (open && current && open.version.version !== current.version && get().panel === 'instructions')
        void get().readInstructions(current.version);
    },
    loadInstructions: async () => {
      const v = value(await api.invoke('instructions:get'));
      if (v) set({ instructions: v });
    },
    readInstructions: async (version) => {
      const doc = value(await api.invoke('instructions:read', { version }));
      if (doc) set({ instructionsDoc: doc });
    },
    importInstructions: async (file, categories) => {
      if (file.size > MAX_INSTRUCTIONS_BYTES) {
        const mib = (n: number): string => (n / 1024 / 1024).toFixed(1);
        set({
          error: {
            code: 'file_too_large',
            params: { size: mib(file.size), max: mib(MAX_INSTRUCTIONS_BYTES) },
          },
        });
        return false;
      }
      const contentBase64 = await fileBase64(file);
      const r = value(
        await api.invoke('instructions:import', {
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
    setIncidentFormOpen: (incidentFormOpen) => set({ incidentFormOpen }),
    reportIncident: async (input) => {
      const r = value(await api.invoke('incidents:report', input));
      if (r) get().incidentAdded(r);
      return r;
    },
    listIncidents: async (filter) => {
      set({ incidentFilter: filter });
      const list = value(await api.invoke('incidents:list', filter));
      if (list) set({ incidents: list });
    },
    incidentAdded: (v) => {
      const { incidents, incidentFilter } = get();
      if (incidents.some((i) => i.id === v.id) || !matchesFilter(v, incidentFilter)) return;
      const next = [...incidents, v].sort((a, b) =>
        a.occurredAt === b.occurredAt ? b.id - a.id : b.occurredAt.localeCompare(a.occurredAt),
      );
      set({ incidents: next });
    },
    applyContacts: (contacts) => set({ contacts }),
    loadContacts: async () => {
      const v = value(await api.invoke('contacts:get'));
      if (v) set({ contacts: v });
    },
    saveContacts: async (input) => {
      const v = value(await api.invoke('contacts:set', input));
      if (v) set({ contacts: v, error: null });
      return v !== null;
    },
  };
};
