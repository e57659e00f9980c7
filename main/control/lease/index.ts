/**
 * The takeover lease (convention, article 3): the lease side's public surface.
 *
 * Wiring (composition root, once per post):
 *   const store = await openLeaseStore(opts.leaseStore ?? 'embedded', dataDir);   // Result<LeaseStore>
 *   const notifier = createCsuNotifier({ webhook, smtp, mailTo });                 // Result<CsuNotifier>
 *   // on a code: log it (the option is named in params.option) and refuse to start the PTZ side
 *   const leases = new LeaseService({ store: store.value, notifier: notifier.value, registry,
 *     post: os.hostname(), camera: (id) => { const c = inventory.find(id); return c?.ptz ? c : null },
 *     defaultMinutes, maxMinutes });
 *   leases.onChange((c) => { if (c.ended) void control.detach(c.cameraId, 'lease-end'); push c to renderers });
 *   handlers: leases.take / extend / release answer Result codes; gate every PTZ command on
 *   leases.holds(cameraId, session.login); on quit `await leases.close()` (it closes the store too).
 *
 * `--lease-store postgres://user:pass@host:port/db` shares one lease per camera between several
 * posts (each post needs a distinct `post` name); `embedded` keeps them in `ptz-leases.sqlite`.
 * The store never throws out of the service: an unreachable server is `lease_store_unreachable`.
 */
import { err, ok, type Result } from '../../../common/result';
import { PgLeaseStore } from './pg-store';
import { SqliteLeaseStore } from './sqlite-store';
import type { LeaseStore } from './types';

export type * from './types';
export { createCsuNotifier, type CsuNotifierOptions } from './csu-notifier';
export { LeaseService, type LeaseServiceOptions } from './lease-service';
export { PRIORITY as LEASE_PRIORITY } from './lease-request';
export { PgLeaseStore } from './pg-store';
export { SqliteLeaseStore, EMBEDDED_FILE } from './sqlite-store';

/**
 * 'embedded' (SQLite in the data directory) or a postgres:// URL. PostgreSQL connects lazily and
 * reconnects by itself: a server down at start-up is not a failure here, only a malformed spec is.
 */
export async function openLeaseStore(spec: string, dataDir: string): Promise<Result<LeaseStore>> {
  if (spec === 'embedded') {
    try {
      return ok(new SqliteLeaseStore(dataDir));
    } catch {
      return err('storage_error');
    }
  }
  let url: URL;
  try {
    url = new URL(spec);
  } catch {
    return err('lease_store_invalid');
  }
  // A Unix socket is given as ?host=/run/postgresql.
  const host = url.hostname || url.searchParams.get('host');
  if (!['postgres:', 'postgresql:'].includes(url.protocol) || !host) return err('lease_store_invalid');
  return ok(new PgLeaseStore(spec));
}
