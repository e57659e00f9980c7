/** Exponential restart delay: 0.5 s, 1 s, 2 s … capped at 10 s. */
export const BACKOFF_BASE_MS = 500;
export const BACKOFF_CAP_MS = 10_000;

export function backoffDelay(attempt: number, base = BACKOFF_BASE_MS, cap = BACKOFF_CAP_MS): number {
  if (attempt <= 0) return 0;
  return Math.min(cap, base * 2 ** (attempt - 1));
}

/**
 * The wait before the next attempt. The backoff spaces attempts' starts, so that a failing camera
 * costs at most one ffmpeg start per backoff step. An attempt that already waited that long on a
 * live connection (a camera that answers but sends nothing, until ffmpeg's socket timeout) is
 * followed at once: a camera coming back finds an ffmpeg listening, not one backing off.
 */
export function restartDelay(attempt: number, ranForMs: number, returning = false): number {
  return Math.max(0, (returning ? BACKOFF_BASE_MS : backoffDelay(attempt)) - ranForMs);
}

/**
 * A relay that has just come back accepts connections seconds before it can serve its mounts
 * (clients are told "Invalid data" meanwhile). For this long after a refusing server accepts
 * again, `restartDelay(…, returning)` spaces attempts by the base step instead of the grown
 * backoff: at most one ffmpeg start per half second for 15 s, then the backoff resumes.
 */
export const RETURN_WINDOW_MS = 15_000;
