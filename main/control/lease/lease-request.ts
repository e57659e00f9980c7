/** Checks on what an operator asks for, and how the lease service writes each step in the registry. */
import type { Role } from '../../../common/roles';
import { err, type Failure } from '../../../common/result';
import type { RegistryActor, RegistryInput } from '../../records/registry/registry';
import type { Lease, LeaseHolder } from './types';

/** Milestone-style PTZ priorities: a supervisor pre-empts an operator. Other roles do not steer. */
export const PRIORITY: Partial<Record<Role, number>> = { ptz: 1, supervisor: 2 };
export const SUPERVISOR_PRIORITY = 2;
const MAX_REF = 64;
const MAX_REASON = 500;

export function checkEvent(
  eventRef: unknown,
  reason: unknown,
): Failure | { eventRef: string; reason: string } {
  if (typeof eventRef !== 'string' || typeof reason !== 'string') return err('ptz_event_required');
  const ref = eventRef.trim();
  const why = reason.trim();
  if (!ref || !why) return err('ptz_event_required');
  if (ref.length > MAX_REF) return err('invalid_payload', { field: 'eventRef' });
  if (why.length > MAX_REASON) return err('invalid_payload', { field: 'reason' });
  return { eventRef: ref, reason: why };
}

export function checkMinutes(
  minutes: unknown,
  limits: { defaultMinutes: number; maxMinutes: number },
): Failure | number {
  if (minutes === undefined) return limits.defaultMinutes;
  if (typeof minutes !== 'number' || !Number.isInteger(minutes) || minutes < 1)
    return err('invalid_payload', { field: 'minutes' });
  if (minutes > limits.maxMinutes) return err('lease_too_long', { max: limits.maxMinutes });
  return minutes;
}

export const actorOf = ({ post: _p, ...actor }: LeaseHolder): RegistryActor => actor;

/** Who a lease names, as the registry and an error sentence show it. */
export const holderData = (l: Lease): Record<string, unknown> => ({
  leaseId: l.id,
  login: l.holder.login,
  name: l.holder.name,
  post: l.holder.post,
  priority: l.priority,
});

export interface LeaseRegistry {
  append(input: RegistryInput): unknown;
}
