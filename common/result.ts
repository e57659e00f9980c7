/** Every invoke answers with a Result: the renderer never sees a thrown error, nor a sentence. */
import type { ErrorCode } from './errors';

export type ErrorParams = Record<string, string | number>;

/**
 * `D`: structured details the renderer words item by item, typed by the domain that sends them
 * (a camera file's problems: common/contract/cameras.ts narrows them); unknown to anyone else.
 */
export interface AppError<D = unknown> {
  code: ErrorCode;
  /** `reason` picks `error.<code>.<reason>`; the others fill the sentence's placeholders. */
  params?: ErrorParams;
  details?: D;
}

export type Failure<D = unknown> = { ok: false; error: AppError<D> };
export type Result<T, D = unknown> = { ok: true; value: T } | Failure<D>;

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });
export const err = <D = never>(code: ErrorCode, params?: ErrorParams, details?: D): Failure<D> => ({
  ok: false,
  error: { code, ...(params && { params }), ...(details !== undefined && { details }) },
});
