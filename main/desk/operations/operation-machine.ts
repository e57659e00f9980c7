/**
 * The life of a special operation, as a pure state machine: scheduled → running (its start came)
 * → due (its planned end passed) → closed; extend takes a running or due operation back to running
 * with a new planned end. Nothing ends by itself: `due` lasts until someone closes or extends.
 * Each step says which registry entries it owes; the service writes them, then stores the state.
 */
import type { OperationState } from '../../../common/contract';
import { err, ok, type Result } from '../../../common/result';

export type OperationEvent =
  | { kind: 'tick'; now: number }
  | { kind: 'extend'; plannedEnd: number; now: number }
  | { kind: 'close'; now: number };

/** A registry entry a step owes (data filled in by the service). */
export type OperationNote =
  | { type: 'operation.start' }
  | { type: 'operation.due' }
  | { type: 'operation.extend' }
  | { type: 'operation.close'; early: boolean };

export interface MachineOperation {
  state: OperationState;
  startAt: number;
  plannedEnd: number;
}

export interface Step {
  state: OperationState;
  plannedEnd: number;
  notes: OperationNote[];
}

export function step(op: MachineOperation, ev: OperationEvent): Result<Step> {
  switch (ev.kind) {
    case 'tick': {
      // One tick may cross both thresholds (a post restarted after the planned end).
      let state = op.state;
      const notes: OperationNote[] = [];
      if (state === 'scheduled' && ev.now >= op.startAt) {
        state = 'running';
        notes.push({ type: 'operation.start' });
      }
      if (state === 'running' && ev.now >= op.plannedEnd) {
        state = 'due';
        notes.push({ type: 'operation.due' });
      }
      return ok({ state, plannedEnd: op.plannedEnd, notes });
    }
    case 'extend':
      if (op.state !== 'running' && op.state !== 'due') return err('operation_state', { state: op.state });
      if (ev.plannedEnd <= ev.now || ev.plannedEnd <= op.startAt)
        return err('operation_invalid', { reason: 'end_past' });
      return ok({ state: 'running', plannedEnd: ev.plannedEnd, notes: [{ type: 'operation.extend' }] });
    case 'close':
      if (op.state === 'closed') return err('operation_state', { state: op.state });
      return ok({
        state: 'closed',
        plannedEnd: op.plannedEnd,
        notes: [{ type: 'operation.close', early: ev.now < op.plannedEnd }],
      });
    default: {
      const never: never = ev;
      return never;
    }
  }
}

/** When the operation next changes by itself (its start, or its planned end), or null. */
export function nextWake(op: MachineOperation): number | null {
  if (op.state === 'scheduled') return op.startAt;
  if (op.state === 'running') return op.plannedEnd;
  return null;
}

/** Viewing and PTZ entries are tagged while the operation runs, overdue included. */
export function isActive(state: OperationState): boolean {
  return state === 'running' || state === 'due';
}
