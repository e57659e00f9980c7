import type { SelftestProgress, SelftestRun } from '../../../common/contract';
import { rpc } from '../../api/bridge';
import type { ConsoleSlice } from '../../console/console-store';

export type { SelftestRun };

/** The technician's commissioning self-test: an explicit machine, idle → running → done. */
export interface SelftestSlice {
  selftest:
    | { phase: 'idle' }
    | { phase: 'running'; progress: SelftestProgress | null }
    | { phase: 'done'; run: SelftestRun };
  runSelftest(technician: string): Promise<void>;
  /** Main's count of checks done, while a run is under way. */
  applySelftestProgress(p: SelftestProgress): void;
  resetSelftest(): void;
}

export const createSelftestSlice: ConsoleSlice<SelftestSlice> = (set, get) => ({
  selftest: { phase: 'idle' },
  runSelftest: async (technician) => {
    set({ selftest: { phase: 'running', progress: null } });
    const r = await rpc.selftest.run({ technician });
    if (r.ok) set({ selftest: { phase: 'done', run: r.value } });
    else set({ selftest: { phase: 'idle' }, error: r.error });
  },
  applySelftestProgress: (p) => {
    if (get().selftest.phase === 'running') set({ selftest: { phase: 'running', progress: p } });
  },
  resetSelftest: () => set({ selftest: { phase: 'idle' } }),
});
