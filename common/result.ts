/** Every invoke answers with a Result: the renderer never sees a thrown error, nor a sentence. */
import type { InventoryProblem } from './contract';
import type { ErrorCode } from './errors';

export type ErrorParams = Record<string, string | number>;

export interface AppError {
  code: ErrorCode;
  /** `reason` picks `error.<code>.<reason>`; the others fill the sentence's placeholders. */
  params?: ErrorParams;
  /** Structured details the renderer translates line by line (inventory problems). */
  details?: InventoryProblem[];
}

export type Failure = { ok: false; error: AppError };
export type Result<T> = { ok: true; value: T } | Failure;

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const err = (code: ErrorCode, params?: ErrorParams, details?: InventoryProblem[]): Failure => ({
  ok: false,
  error: { code, ...(params && { params }), ...(details && { details }) },
});
