/** The session of each window: login, lock, unlock, logout, and main's word when it changes. */
import type { Permission, Role } from '../roles';
import { channel, event } from './spec';

export interface SessionView {
  login: string;
  name: string;
  rank: string;
  service: string;
  role: Role;
  locked: boolean;
  demo: boolean;
  permissions: Permission[];
  lockAfterSeconds: number;
}

export interface AuthStatus {
  session: SessionView | null;
  demoAvailable: boolean;
}

export const authChannels = {
  'auth:status': channel<undefined, AuthStatus>(),
  'auth:login': channel<{ login: string; password: string }, SessionView>(),
  'auth:logout': channel<undefined, null>(),
  'auth:lock': channel<{ reason: 'inactivity' | 'manual' }, SessionView>(),
  'auth:unlock': channel<{ password: string }, SessionView>(),
  'auth:activity': channel<undefined, null>(),
};

export const authEvents = {
  /** This client's own session changed in main (locked, demoted, expired, ended): re-read it. */
  'auth:session': event<SessionView | null>(),
};
