/**
 * The sessions and accounts' module: the auth service over its operator store, main's own watch
 * (inactivity lock, stale rights), the `auth` and `operators` channels, and the signals by which
 * the parts built after it hear that a session's rights ended or changed.
 */
import type { ChannelsOf, EventsOf, SessionView } from '../../../common/contract';
import type { Module } from '../../platform/ipc/module';
import type { EventHub } from '../../platform/ipc/router';
import { Signal } from '../../platform/signal';
import type { Registry } from '../registry/registry';
import { authEvents, authHandlers } from './auth-handlers';
import { AuthService, type AuthOptions } from './auth-service';
import type { OperatorStore } from './operator-store';
import { operatorsHandlers } from './operators-handlers';

export interface AuthModuleDeps {
  store: OperatorStore;
  registry: Registry;
  events: EventHub;
  /** Whether the demo account exists now (demo inventory, and no account or `--demo`). */
  demo: () => boolean;
  /** Console inactivity lock, seconds (300 by default). */
  lockAfterSeconds?: number | undefined;
  /** How often main re-reads each session's rights, ms (60 s by default; tests shorten it). */
  recheckMs?: number | undefined;
  /** Wall pages: clients with no session, holding the wall key. */
  displays: NonNullable<AuthOptions['displays']>;
  /** Where a session's ended video rights are told (the gateway closes its viewers). */
  videoRevoked: Signal<[videoToken: string]>;
}

export interface AuthModule extends Module<ChannelsOf<'auth' | 'operators'>, EventsOf<'auth'>> {
  service: AuthService;
  /** A client's session changed without it asking (locked, demoted, expired, ended). */
  sessions: Signal<[clientId: string, view: SessionView | null]>;
  /** A session's rights ended (logout, lock): whoever acts for it checks again. */
  rightsEnded: Signal<[]>;
}

export function createAuth(d: AuthModuleDeps): AuthModule {
  const sessions = new Signal<[clientId: string, view: SessionView | null]>();
  const rightsEnded = new Signal<[]>();
  const lockAfterSeconds = d.lockAfterSeconds ?? 300;
  const service = new AuthService(d.store, d.registry, {
    isDemo: d.demo,
    lockAfterSeconds,
    onRevoke: (token) => {
      d.videoRevoked.emit(token);
      rightsEnded.emit();
    },
    onSessionChange: (clientId, view) => {
      d.events.emitTo(clientId, 'auth:session', view);
      sessions.emit(clientId, view);
    },
    ...(d.recheckMs !== undefined && { recheckMs: d.recheckMs }),
    displays: d.displays,
  });
  // Main's own watch: inactivity lock and stale rights, whatever the page does.
  const lockMs = lockAfterSeconds * 1000;
  const sweep = setInterval(
    () => service.sweep(),
    Math.max(250, Math.min(5000, lockMs / 4, d.recheckMs ?? 5000)),
  );
  sweep.unref();
  // Another post created, demoted or disabled an account: its sessions here are re-checked at once.
  const offChange = d.store.onChange?.((login) => service.recheckLogin(login));
  return {
    service,
    sessions,
    rightsEnded,
    handlers: { ...authHandlers(service, d.demo), ...operatorsHandlers(service) },
    events: authEvents,
    close: () => {
      clearInterval(sweep);
      offChange?.();
      d.store.close();
    },
  };
}
