/** Contract handlers of the operators domain: accounts, granted by the head of service. */
import type { ChannelsOf } from '../../../common/contract';
import { ok } from '../../../common/result';
import type { Handlers } from '../../platform/ipc/router';
import type { AuthService } from './auth-service';

export function operatorsHandlers(auth: AuthService): Pick<Handlers, ChannelsOf<'operators'>> {
  return {
    'operators:list': () => ok(auth.listOperators()),
    'operators:save': (p, ctx) => auth.saveOperator(p, auth.actor(ctx.clientId)),
  };
}
