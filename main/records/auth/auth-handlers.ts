/** Contract handlers of the auth domain: the session of each window (login, lock, unlock, logout). */
import { z } from 'zod';
import { ok } from '../../../common/result';
import { defineChannels, type EventAccess } from '../../platform/ipc/module';
import { text } from '../../platform/ipc/shapes';
import type { AuthService } from './auth-service';

/** Only ever sent to the one client it concerns. */
export const authEvents: EventAccess<'auth:session'> = { 'auth:session': 'public' };

/** A password is never stored nor written to the registry: any characters, bounded. */
const password = z.string().min(1).max(200);

export function authHandlers(auth: AuthService, demoAvailable: () => boolean) {
  return defineChannels('auth', {
    'auth:status': {
      access: 'public',
      input: z.undefined(),
      handle: (_p, ctx) => ok({ session: auth.status(ctx.clientId), demoAvailable: demoAvailable() }),
    },
    'auth:login': {
      access: 'public',
      input: z.strictObject({ login: text({ min: 1, max: 40 }), password }),
      handle: (p, ctx) => auth.login(ctx.clientId, p.login, p.password),
    },
    'auth:logout': {
      access: 'locked-ok',
      input: z.undefined(),
      handle: (_p, ctx) => {
        auth.logout(ctx.clientId);
        return ok(null);
      },
    },
    'auth:lock': {
      access: 'session',
      input: z.strictObject({ reason: z.enum(['inactivity', 'manual']) }),
      handle: (p, ctx) => auth.lock(ctx.clientId, p.reason),
    },
    'auth:unlock': {
      access: 'locked-ok',
      input: z.strictObject({ password }),
      handle: (p, ctx) => auth.unlock(ctx.clientId, p.password),
    },
    // The renderer's throttled ping on user input; the gate already counted it as activity.
    'auth:activity': { access: 'session', input: z.undefined(), handle: () => ok(null) },
  });
}
