import { formatDuration } from '../../../common/format';
import type { PtzLeaseView } from '../../../common/contract';
import { useConsole, useT } from '../../console/console-store';

/** m:ss left, never negative. */
export function countdown(expiresAt: number, now: number): string {
  return formatDuration(Math.ceil((expiresAt - now) / 1000));
}

/** Who holds the camera and for how long: on the tile for everyone, and in the PTZ panel. */
export function PtzLease({ lease }: { lease: PtzLeaseView }) {
  const t = useT();
  const now = useConsole((s) => s.now);
  const { rank, name, post } = lease.holder;
  return (
    <div
      className={`ptz-lease${lease.notified === 'override' ? ' override' : ''}`}
      data-testid="ptz-lease"
      data-holder={lease.holder.login}
      data-expires-at={lease.expiresAt}
      title={t('ptz.leasePost', { post })}
    >
      {t('ptz.heldBy', { name: `${rank} ${name}`, left: countdown(lease.expiresAt, now) })}
      {lease.notified === 'override' && ` — ${t('ptz.overridden')}`}
    </div>
  );
}

/** The tile's badge: nothing when the camera is free. */
export function TilePtzLease({ cameraId }: { cameraId: number }) {
  const lease = useConsole((s) => s.leases[cameraId]);
  return lease ? <PtzLease lease={lease} /> : null;
}
