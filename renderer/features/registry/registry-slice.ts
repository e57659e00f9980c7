import type {
  JobProgressView,
  RegistryEntryView,
  RegistryFilterInput,
  RegistryPage,
  RegistrySlotsPage,
  RequisitionInput,
  VerifyView,
} from '../../../common/contract';
import type { Result } from '../../../common/result';
import { rpc } from '../../api/bridge';
import type { ConsoleSlice } from '../../console/console-store';

/** The access registry: paged consultation, slots viewed, exports, verification, checkpoints, requisitions. */
export interface RegistrySlice {
  /** The filter of the search shown, which the page buttons keep. */
  registryFilter: RegistryFilterInput | null;
  registryPage: RegistryPage | null;
  /** 0 is the newest page. */
  registryPageIndex: number;
  /** The newest entry at the time of the search: the pages are those of that moment. */
  registryUpTo: number | null;
  registrySlots: RegistrySlotsPage | null;
  /** Registry jobs this console is waiting for, by job name, with their progress (0…1). */
  registryJobs: Record<string, number>;
  verification: VerifyView | null;
  queryRegistry(filter: RegistryFilterInput): Promise<void>;
  registryOlderPage(): Promise<void>;
  registryNewerPage(): Promise<void>;
  registrySlotsPageAt(page: number): Promise<void>;
  applyJobProgress(p: JobProgressView): void;
  /** Returns the file written, or null after showing the refusal. */
  exportRegistry(filter: RegistryFilterInput, format: 'csv' | 'pdf'): Promise<string | null>;
  verifyRegistry(): Promise<void>;
  checkpointRegistry(): Promise<string | null>;
  recordRequisition(input: RequisitionInput): Promise<RegistryEntryView | null>;
  /** The registry panel opens empty (no earlier search, page or verification), as after a logout. */
  resetRegistry(): void;
}

const initial = () => ({
  registryFilter: null,
  registryPage: null,
  registryPageIndex: 0,
  registryUpTo: null,
  registrySlots: null,
  registryJobs: {},
  verification: null,
});

export const createRegistrySlice: ConsoleSlice<RegistrySlice> = (set, get) => {
  const value = <T>(r: Result<T>): T | null => get().unwrap(r);
  /** Shows a job as running (from 0) until its answer arrives. */
  const tracked = async <T>(job: string, call: () => Promise<T>): Promise<T> => {
    set((s) => ({ registryJobs: { ...s.registryJobs, [job]: 0 } }));
    try {
      return await call();
    } finally {
      set((s) => {
        const { [job]: _done, ...rest } = s.registryJobs;
        return { registryJobs: rest };
      });
    }
  };
  const page = async (cursor: { before: number } | { after: number }, index: number): Promise<void> => {
    const filter = get().registryFilter;
    if (!filter) return;
    const upTo = get().registryUpTo;
    const p = value(
      await tracked('registry.query', () =>
        rpc.registry.query({ ...filter, ...cursor, ...(upTo !== null && { upTo }) }),
      ),
    );
    if (p) set({ registryPage: p, registryPageIndex: p.hasNewer ? Math.max(1, index) : 0 });
  };
  return {
    ...initial(),
    queryRegistry: async (filter) => {
      set({ registryFilter: filter });
      const [p, slots] = await Promise.all([
        tracked('registry.query', () => rpc.registry.query(filter)),
        tracked('registry.slots', () => rpc.registry.slots(filter)),
      ]);
      const pageValue = value(p);
      const slotsValue = value(slots);
      if (pageValue)
        set({
          registryPage: pageValue,
          registryPageIndex: 0,
          registryUpTo: pageValue.entries[0]?.seq ?? null,
        });
      if (slotsValue) set({ registrySlots: slotsValue });
    },
    registryOlderPage: async () => {
      const last = get().registryPage?.entries.at(-1);
      if (last) await page({ before: last.seq }, get().registryPageIndex + 1);
    },
    registryNewerPage: async () => {
      const first = get().registryPage?.entries[0];
      if (first) await page({ after: first.seq }, get().registryPageIndex - 1);
    },
    registrySlotsPageAt: async (n) => {
      const filter = get().registryFilter;
      if (!filter) return;
      const slots = value(await tracked('registry.slots', () => rpc.registry.slots({ ...filter, page: n })));
      if (slots) set({ registrySlots: slots });
    },
    applyJobProgress: (p) =>
      set((s) =>
        p.job in s.registryJobs ? { registryJobs: { ...s.registryJobs, [p.job]: p.fraction } } : {},
      ),
    exportRegistry: async (filter, format) =>
      value(await tracked('registry.export', () => rpc.registry.export({ ...filter, format })))?.file ?? null,
    verifyRegistry: async () => {
      set({ verification: null });
      const v = value(await tracked('registry.verify', () => rpc.registry.verify()));
      if (v) set({ verification: v });
    },
    checkpointRegistry: async () => value(await rpc.registry.checkpoint())?.file ?? null,
    recordRequisition: async (input) => value(await rpc.registry.requisition(input)),
    resetRegistry: () => set(initial()),
  };
};
