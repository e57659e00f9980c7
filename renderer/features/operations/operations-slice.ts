/** Special operations (article 3): the list main pushes, and every change as a call to main. */
import {
  LAYOUTS,
  MAX_TILES,
  type LayoutName,
  type OperationInput,
  type OperationStarted,
  type OperationView,
} from '../../../common/contract';
import type { AppError } from '../../../common/result';
import { rpc } from '../../api/bridge';
import type { ConsoleSlice } from '../../console/console-store';
import { LAYOUT_TILES } from '../mosaic/mosaic-slice';

export interface OperationsSlice {
  operations: OperationView[];
  loadOperations(): Promise<void>;
  applyOperations(list: OperationView[]): void;
  /** main's push at the planned end: the operation shows as overdue, with its prompt. */
  operationDue(op: OperationView): void;
  /** main's refusal (shown in the panel), or null once started. */
  createOperation(input: OperationInput): Promise<AppError | null>;
  extendOperation(id: number, minutes: number): Promise<void>;
  closeOperation(id: number): Promise<void>;
  /** A running operation's preset on the wall again, and its cameras on the console. */
  showOperation(id: number): Promise<void>;
  /** The cameras on the console's mosaic: the smallest layout that holds them, in order. */
  showCameras(cameras: number[]): void;
  resetOperations(): void;
}

/** The console's layouts that are plain grids, smallest first. */
const GRIDS: LayoutName[] = LAYOUTS.filter((l) => !l.includes('+'));

export const createOperationsSlice: ConsoleSlice<OperationsSlice> = (set, get) => {
  const started = (v: OperationStarted): void => {
    const op = v.operation;
    if (op.state === 'running' || op.state === 'due') get().showCameras(op.cameras);
    if (v.wall === 'no-right' || v.wall === 'failed')
      set({ notice: { key: `operations.wall.${v.wall}`, params: { preset: op.preset ?? '' } } });
    else
      set({
        notice: {
          key: op.state === 'scheduled' ? 'operations.scheduled' : 'operations.started',
          params: { name: op.name },
        },
      });
  };
  const replace = (op: OperationView): void => {
    const list = get().operations;
    const i = list.findIndex((o) => o.id === op.id);
    set({ operations: i < 0 ? [op, ...list] : list.map((o) => (o.id === op.id ? op : o)) });
  };
  return {
    operations: [],
    loadOperations: async () => {
      const r = await rpc.operations.list();
      if (r.ok) set({ operations: r.value });
    },
    applyOperations: (operations) => set({ operations }),
    operationDue: (op) => replace(op),
    createOperation: async (input) => {
      const r = await rpc.operations.create(input);
      if (!r.ok) return r.error;
      replace(r.value.operation);
      started(r.value);
      return null;
    },
    extendOperation: async (id, minutes) => {
      const plannedEnd = new Date(Date.now() + minutes * 60_000).toISOString();
      const r = await rpc.operations.extend({ id, plannedEnd });
      if (r.ok) replace(r.value);
      else set({ error: r.error });
    },
    closeOperation: async (id) => {
      const r = await rpc.operations.close({ id });
      if (r.ok) replace(r.value);
      else set({ error: r.error });
    },
    showOperation: async (id) => {
      const r = await rpc.operations.show({ id });
      if (r.ok) started(r.value);
      else set({ error: r.error });
    },
    showCameras: (cameras) => {
      if (!get().session?.permissions.includes('view')) return;
      const shown = cameras.slice(0, MAX_TILES);
      const layout = GRIDS.find((l) => LAYOUT_TILES[l] >= shown.length) ?? '4x4';
      const tiles = Array.from({ length: MAX_TILES }, (_, i) => shown[i] ?? null);
      get().showMosaic(layout, tiles);
    },
    resetOperations: () => set({ operations: [] }),
  };
};
