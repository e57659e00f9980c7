/**
 * Special operations (convention, article 3): watching a suspect or searching for a missing person,
 * at the police's request, over a set of cameras, from a start to a planned end that never passes
 * silently. Main validates and enforces everything.
 */
import { channel, event } from './spec';

export const OPERATION_KINDS = ['suspect', 'missing', 'other'] as const;
export type OperationKind = (typeof OPERATION_KINDS)[number];

/** scheduled → running → due (planned end passed) → closed; extend: running or due → running. */
export const OPERATION_STATES = ['scheduled', 'running', 'due', 'closed'] as const;
export type OperationState = (typeof OPERATION_STATES)[number];

/** What the supervisor fills in. Times are ISO 8601. */
export interface OperationInput {
  name: string;
  kind: OperationKind;
  requester: string;
  /** The requisition number. */
  legalRef: string;
  cameras: number[];
  /** A wall preset's name, or null. */
  preset: string | null;
  startAt: string;
  plannedEnd: string;
}

export interface OperationView extends OperationInput {
  id: number;
  state: OperationState;
  /** Login of who created it, and of who closed it. */
  createdBy: string;
  closedAt: string | null;
  closedBy: string | null;
}

/** What starting an operation did beyond recording it: the wall part needs the `wall` right. */
export interface OperationStarted {
  operation: OperationView;
  /** 'applied': the preset is on the wall; 'no-right': the caller may not drive the wall; 'failed': the wall refused (error). */
  wall: 'none' | 'applied' | 'no-right' | 'failed';
}

export const operationsChannels = {
  'operations:list': channel<undefined, OperationView[]>(),
  'operations:create': channel<OperationInput, OperationStarted>(),
  /** The new planned end, ISO: after now and after the start. */
  'operations:extend': channel<{ id: number; plannedEnd: string }, OperationView>(),
  'operations:close': channel<{ id: number }, OperationView>(),
  /** Puts a running operation's preset on the wall again (the console sets its own tiles). */
  'operations:show': channel<{ id: number }, OperationStarted>(),
};

export const operationsEvents = {
  /** Every operation not yet closed, and those closed in the last day, newest first. */
  'operations:changed': event<OperationView[]>(),
  /** An operation reached its planned end: the console asks to close or extend it. */
  'operations:due': event<OperationView>(),
};
