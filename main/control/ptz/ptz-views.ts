/** Main's PTZ shapes as the contract shows them to the console. */
import type { PtzCameraReason, PtzLeaseView } from '../../../common/contract';
import type { PtzErrorCode } from './driver';
import type { Lease } from '../lease/types';

export const reasonOf = (code: PtzErrorCode): PtzCameraReason => code.slice(4) as PtzCameraReason;

export function leaseView(l: Lease): PtzLeaseView {
  const { login, name, rank, service, post } = l.holder;
  return {
    cameraId: l.cameraId,
    holder: { login, name, rank, service, post },
    priority: l.priority,
    grantedAt: l.grantedAt,
    expiresAt: l.expiresAt,
    notified: l.notified,
  };
}
