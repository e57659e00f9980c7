/** The `operations:*` invokes: who calls, and whether they may drive the wall, come from main's session. */
import type { ChannelsOf } from '../../../common/contract';
import { err, ok, type Result } from '../../../common/result';
import type { Handler } from '../../platform/ipc/router';
import type { OperationsCaller, OperationsService } from './operations-service';

type OperationsHandlers = { [C in ChannelsOf<'operations'>]: Handler<C> };

export function operationsHandlers(
  ops: OperationsService,
  caller: (clientId: string) => OperationsCaller | null,
): OperationsHandlers {
  const as = <T>(clientId: string, go: (c: OperationsCaller) => T): T | Result<never> => {
    const c = caller(clientId);
    return c ? go(c) : err('unauthenticated');
  };
  return {
    'operations:list': () => ok(ops.list()),
    'operations:create': (p, ctx) => as(ctx.clientId, (c) => ops.create(p, c)),
    'operations:extend': (p, ctx) => as(ctx.clientId, (c) => ops.extend(p.id, p.plannedEnd, c.actor)),
    'operations:close': (p, ctx) => as(ctx.clientId, (c) => ops.close(p.id, c.actor)),
    'operations:show': (p, ctx) => as(ctx.clientId, (c) => ops.show(p.id, c)),
  };
}
