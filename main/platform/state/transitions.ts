/**
 * The transition tables of main/'s explicit state machines (the wall link, the lease store's
 * LISTEN connection). A move the table does not allow is a bug: under `node --test` (which runs each
 * test file in a process with NODE_TEST_CONTEXT set) it throws, so a test fails on it; in the
 * product it is logged and refused, and the machine stays where it was.
 */
import type { Logger } from '../log/logger';

/** For each state, the states it may move to. */
export type Transitions<S extends string> = Readonly<Record<S, readonly S[]>>;

/** True in a process started by `node --test`: there an illegal transition throws. */
export const STRICT_IN_TESTS = process.env.NODE_TEST_CONTEXT !== undefined;

export interface TransitionCheck {
  /** What the machine is, for the message: `wall link 10.0.0.5:7443`. */
  what: string;
  log: Pick<Logger, 'error'>;
  /** Throw on an illegal move instead of logging it (default: STRICT_IN_TESTS). */
  strict?: boolean;
}

/** Whether `from → to` is allowed; an illegal move throws when strict, else is logged. */
export function allowed<S extends string>(
  table: Transitions<S>,
  from: S,
  to: S,
  c: TransitionCheck,
): boolean {
  if (table[from].includes(to)) return true;
  const message = `${c.what}: no transition ${from} → ${to}`;
  if (c.strict ?? STRICT_IN_TESTS) throw new Error(message);
  c.log.error(message);
  return false;
}
