/** Contract handlers of the operators domain: accounts, granted by the head of service. */
import { z } from 'zod';
import { ROLES } from '../../../common/roles';
import { ok } from '../../../common/result';
import { defineChannels } from '../../platform/ipc/module';
import { isoDate, text } from '../../platform/ipc/shapes';
import type { AuthService } from './auth-service';

export function operatorsHandlers(auth: AuthService) {
  return defineChannels('operators', {
    'operators:list': { access: 'operators', input: z.undefined(), handle: () => ok(auth.listOperators()) },
    'operators:save': {
      access: 'operators',
      input: z.strictObject({
        login: text({ min: 2, max: 40 }),
        name: text({ min: 1, max: 120 }),
        rank: text({ min: 1, max: 80 }),
        service: text({ min: 1, max: 120 }),
        badge: text({ max: 40 }),
        role: z.enum(ROLES),
        validFrom: isoDate,
        validUntil: isoDate,
        password: z.string().max(200).optional(),
      }),
      handle: (p, ctx) => auth.saveOperator(p, auth.actor(ctx.clientId)),
    },
    'operators:unlock': {
      access: 'operators',
      input: z.strictObject({ login: text({ min: 2, max: 40 }) }),
      handle: (p, ctx) => auth.unlockOperator(p.login, auth.actor(ctx.clientId)),
    },
    'operators:set-disabled': {
      access: 'operators',
      input: z.strictObject({ login: text({ min: 2, max: 40 }), disabled: z.boolean() }),
      handle: (p, ctx) => auth.setOperatorDisabled(p.login, p.disabled, auth.actor(ctx.clientId)),
    },
  });
}
