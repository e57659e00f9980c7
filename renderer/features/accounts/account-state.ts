import type { OperatorView } from '../../../common/contract';
import { isoDay } from '../../../common/format';

/**
 * An account's state today: disabled by the head of service, locked after failed logins, outside
 * its validity dates, or active. A disabled account shows as such whatever else holds.
 */
export type AccountState = 'disabled' | 'locked' | 'expired' | 'not-yet' | 'active';

export function accountState(o: OperatorView, now: number): AccountState {
  if (o.disabledAt) return 'disabled';
  if (o.lockedUntil && Date.parse(o.lockedUntil) > now) return 'locked';
  const today = isoDay(now);
  if (o.validUntil < today) return 'expired';
  if (o.validFrom > today) return 'not-yet';
  return 'active';
}
