/**
 * Node prints "ExperimentalWarning: SQLite is an experimental feature…" on stderr the first time a
 * thread loads `node:sqlite`. Every `vigie` command and the host would start with it, and a
 * technician reads it as a fault. This module drops exactly that warning: imported first by each
 * entry point (the CLI and host, Electron's main, the jobs worker), it wraps `process.emitWarning`
 * before anything loads `node:sqlite`. Every other warning, experimental or not, still prints.
 */

/** The one warning dropped: Node's experimental-feature notice for SQLite. */
export function isSqliteExperimentalWarning(warning: string | Error, type?: unknown): boolean {
  const name =
    warning instanceof Error
      ? warning.name
      : typeof type === 'string'
        ? type
        : (type as { type?: unknown } | undefined)?.type;
  const message = warning instanceof Error ? warning.message : warning;
  return name === 'ExperimentalWarning' && /^SQLite is an experimental feature/.test(message);
}

export function silenceSqliteWarning(proc: NodeJS.Process = process): void {
  const emit = proc.emitWarning as (...args: unknown[]) => void;
  if ((emit as { sqliteFiltered?: true }).sqliteFiltered) return;
  const filtered = function (this: NodeJS.Process, ...args: unknown[]): void {
    if (isSqliteExperimentalWarning(args[0] as string | Error, args[1])) return;
    emit.apply(this, args);
  };
  (filtered as { sqliteFiltered?: true }).sqliteFiltered = true;
  proc.emitWarning = filtered as NodeJS.Process['emitWarning'];
}

silenceSqliteWarning();
