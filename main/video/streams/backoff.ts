/** Exponential restart delay: 0.5 s, 1 s, 2 s … capped at 10 s. */
export const BACKOFF_BASE_MS = 500;
export const BACKOFF_CAP_MS = 10_000;

export function backoffDelay(attempt: number, base = BACKOFF_BASE_MS, cap = BACKOFF_CAP_MS): number {
  if (attempt <= 0) return 0;
  return Math.min(cap, base * 2 ** (attempt - 1));
}
