/** Every invoke answers with a Result: the renderer never sees a thrown error. */
export interface AppError {
  code: string;
  message: string;
  /** Structured details the renderer can translate (e.g. inventory problems). */
  details?: unknown;
}

export type Failure = { ok: false; error: AppError };
export type Result<T> = { ok: true; value: T } | Failure;

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const err = (code: string, message: string, details?: unknown): Failure => ({
  ok: false,
  error: details === undefined ? { code, message } : { code, message, details },
});
