/** Contract handlers of the auth domain: the session of each window (login, lock, unlock, logout). */
import type { ChannelsOf } from '../../../common/contract';
import { ok } from '../../../common/result';
import type { Handlers } from '../../platform/ipc/router';
import type { AuthService } from './auth-service';

export function authHandlers(
  auth: AuthService,
  demoAvailable: () => boolean,
): Pick<Handlers, ChannelsOf<'auth'>> {
  return {
    'auth:status': (_p, ctx) => ok({ session: auth.status(ctx.clientId), demoAvailable: demoAvailable() }),
    'auth:login': (p, ctx) => auth.login(ctx.clientId, p.login, p.password),
    'auth:logout': (_p, ctx) => {
      auth.logout(ctx.clientId);
      return ok(null);
    },
    'auth:lock': (p, ctx) => auth.lock(ctx.clientId, p.reason),
    'auth:unlock': (p, ctx) => auth.unlock(ctx.clientId, p.password),
    // The renderer's throttled ping on user input; the gate already counted it as activity.
    'auth:activity': () => ok(null),
  };
}
