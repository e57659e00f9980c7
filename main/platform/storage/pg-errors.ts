/** PostgreSQL failures, reduced to what may be said: a code, never a message that may quote the URL. */
/** The error's code without its text (a message may quote the connection string). */
export function pgFailure(e: unknown): string {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : e instanceof Error ? e.name : 'unknown';
}

/**
 * Whether a failure means the shared store cannot be reached (refused, cut, shutting down, timed
 * out), as opposed to a refusal of the statement itself: the operator is told that, not "internal".
 */
export function pgUnreachable(e: unknown): boolean {
  const code = pgFailure(e);
  if (/^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|ENOTFOUND|EPIPE)$/.test(code))
    return true;
  // SQLSTATE class 08 (connection exception), 57P01-57P03 (shutting down, cannot connect now).
  if (/^(08...|57P0[123])$/.test(code)) return true;
  const m = e instanceof Error ? e.message : '';
  if (e instanceof Error && e.cause !== undefined && e.cause !== e && pgUnreachable(e.cause)) return true;
  return /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/.test(
    m,
  );
}
