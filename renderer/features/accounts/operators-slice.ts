import type { OperatorInput, OperatorView } from '../../../common/contract';
import { rpc } from '../../api/bridge';
import type { ConsoleSlice } from '../../console/console-store';

/** Operator accounts, managed by the head of service. */
export interface OperatorsSlice {
  operators: OperatorView[];
  loadOperators(): Promise<void>;
  /** Returns the saved account, or null after showing the refusal. */
  saveOperator(input: OperatorInput): Promise<OperatorView | null>;
  /** Lifts an account's block, or disables or enables it; true once main did it. */
  unlockOperator(login: string): Promise<boolean>;
  setOperatorDisabled(login: string, disabled: boolean): Promise<boolean>;
  /** The accounts panel opens empty, and nothing stays once the session ends. */
  resetOperators(): void;
}

export const createOperatorsSlice: ConsoleSlice<OperatorsSlice> = (set, get) => ({
  operators: [],
  loadOperators: async () => {
    const r = await rpc.operators.list();
    if (r.ok) set({ operators: r.value });
  },
  saveOperator: async (input) => {
    const saved = get().unwrap(await rpc.operators.save(input));
    if (saved) await get().loadOperators();
    return saved;
  },
  unlockOperator: async (login) => {
    const done = get().unwrap(await rpc.operators.unlock({ login }));
    await get().loadOperators();
    return done !== null;
  },
  setOperatorDisabled: async (login, disabled) => {
    const done = get().unwrap(await rpc.operators.setDisabled({ login, disabled }));
    await get().loadOperators();
    return done !== null;
  },
  resetOperators: () => set({ operators: [] }),
});
