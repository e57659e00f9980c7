/** Accounts, granted by the head of service. */
import type { Role } from '../roles';
import { channel } from './spec';

export interface OperatorView {
  login: string;
  name: string;
  rank: string;
  service: string;
  badge: string;
  role: Role;
  validFrom: string;
  validUntil: string;
  grantedBy: string;
  failedAttempts: number;
  lockedUntil: string | null;
  /** When the head of service disabled the account (no login, its sessions ended); null: enabled. */
  disabledAt: string | null;
}

/** An account as the head of service saves it: its identity and rights, and a password when set. */
export type OperatorInput = Pick<
  OperatorView,
  'login' | 'name' | 'rank' | 'service' | 'badge' | 'role' | 'validFrom' | 'validUntil'
> & { password?: string };

export const operatorsChannels = {
  'operators:list': channel<undefined, OperatorView[]>(),
  'operators:save': channel<OperatorInput, OperatorView>(),
  'operators:unlock': channel<{ login: string }, OperatorView>(),
  'operators:set-disabled': channel<{ login: string; disabled: boolean }, OperatorView>(),
};
