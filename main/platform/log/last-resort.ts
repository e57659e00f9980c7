/**
 * The last resort: an error nothing else caught is logged, and the post keeps running. This is not
 * a fix: each cause found gets its own handling and test (socket error listeners, 400 answers…).
 */
import { createLogger } from './logger';

const log = createLogger('last-resort');

/** Installs the handlers once per process; returns how many errors they caught so far. */
export function installLastResort(proc: NodeJS.Process = process): () => number {
  let caught = 0;
  proc.on('uncaughtException', (e) => {
    caught++;
    log.error('uncaught exception (the post keeps running; this is a bug to fix)', e, e.stack ?? '');
  });
  proc.on('unhandledRejection', (reason) => {
    caught++;
    log.error('unhandled rejection (the post keeps running; this is a bug to fix)', reason);
  });
  return () => caught;
}
