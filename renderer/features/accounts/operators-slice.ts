import type { OperatorInput, OperatorView } from '../../../common/contract';
import { api } from '../../api/bridge';
import type { ConsoleSlice } from '../../console/console-store';

/** Operator accounts, managed by the head of service. */
export interface OperatorsSlice {
  operators: OperatorView[];
  loadOperators(): Promise<void>;
  /** Returns the saved account, or null after showing the refusal. */
  saveOperator(input: OperatorInput): Promise<OperatorView | null>;
  /** The accounts panel opens empty, and nothing stays once the session ends. */
  resetOperators(): void;
}

export const createOperatorsSlice: ConsoleSlice<OperatorsSlice> = (set, get) => ({
  operators: [],
  loadOperators: async () => {
    const r = await api.invoke('operators:list');
    if (r.ok) set({ operators: r.value });
  },
  saveOperator: async (input) => {
    const saved = get().unwrap(await api.invoke('operators:save', input));
    if (saved) await get().loadOperators();
    return saved;
  },
  resetOperators: () => set({ operators: [] }),
});
