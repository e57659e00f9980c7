import type { StateCreator } from 'zustand';
import type {
  RegistryEntryView,
  RegistryFilterInput,
  RegistryPage,
  RequisitionInput,
  VerifyView,
} from '../../common/contract';
import { api } from '../api/bridge';
import type { ConsoleState } from './console-store';

/** The access registry: consultation, exports, verification, checkpoints and requisitions. */
export interface RegistrySlice {
  registryPage: RegistryPage | null;
  verification: VerifyView | null;
  queryRegistry(filter: RegistryFilterInput): Promise<void>;
  /** Returns the file written, or null after showing the refusal. */
  exportRegistry(filter: RegistryFilterInput, format: 'csv' | 'pdf'): Promise<string | null>;
  verifyRegistry(): Promise<void>;
  checkpointRegistry(): Promise<string | null>;
  recordRequisition(input: RequisitionInput): Promise<RegistryEntryView | null>;
}

export const createRegistrySlice: StateCreator<ConsoleState, [], [], RegistrySlice> = (set) => {
  const value = <T>(r: { ok: true; value: T } | { ok: false; error: ConsoleState['error'] }): T | null => {
    if (r.ok) return r.value;
    set({ error: r.error });
    return null;
  };
  return {
    registryPage: null,
    verification: null,
    queryRegistry: async (filter) => {
      const page = value(await api.invoke('registry:query', filter));
      if (page) set({ registryPage: page });
    },
    exportRegistry: async (filter, format) =>
      value(await api.invoke('registry:export', { ...filter, format }))?.file ?? null,
    verifyRegistry: async () => {
      const v = value(await api.invoke('registry:verify'));
      if (v) set({ verification: v });
    },
    checkpointRegistry: async () => value(await api.invoke('registry:checkpoint'))?.file ?? null,
    recordRequisition: async (input) => value(await api.invoke('registry:requisition', input)),
  };
};
