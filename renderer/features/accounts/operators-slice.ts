import type { StateCreator } from 'zustand';
import type { OperatorInput, OperatorView } from '../../../common/contract';
import { api } from '../../api/bridge';
import type { ConsoleState } from '../../console/console-store';

/** Operator accounts, managed by the head of service. */
export interface OperatorsSlice {
  operators: OperatorView[];
  loadOperators(): Promise<void>;
  /** Returns the saved account, or null after showing the refusal. */
  saveOperator(input: OperatorInput): Promise<OperatorView | null>;
}

export const createOperatorsSlice: StateCreator<ConsoleState, [], [], OperatorsSlice> = (set, get) => ({
  operators: [],
  loadOperators: async () => {
    const r = await api.invoke('operators:list');
    if (r.ok) set({ operators: r.value });
  },
  saveOperator: async (input) => {
    const r = await api.invoke('operators:save', input);
    if (!r.ok) {
      set({ error: r.error });
      return null;
    }
    await get().loadOperators();
    return r.value;
  },
});
