import type { ResponseOf } from '../../../common/contract';
import { api } from '../../api/bridge';
import type { ConsoleSlice } from '../../console/console-store';

export type SelftestRun = ResponseOf<'selftest:run'>;

/** The technician's commissioning self-test: an explicit machine, idle → running → done. */
export interface SelftestSlice {
  selftest: { phase: 'idle' } | { phase: 'running' } | { phase: 'done'; run: SelftestRun };
  runSelftest(technician: string): Promise<void>;
  resetSelftest(): void;
}

export const createSelftestSlice: ConsoleSlice<SelftestSlice> = (set) => ({
  selftest: { phase: 'idle' },
  runSelftest: async (technician) => {
    set({ selftest: { phase: 'running' } });
    const r = await api.invoke('selftest:run', { technician });
    if (r.ok) set({ selftest: { phase: 'done', run: r.value } });
    else set({ selftest: { phase: 'idle' }, error: r.error });
  },
  resetSelftest: () => set({ selftest: { phase: 'idle' } }),
});
