/** The `operations:*` invokes: who calls, and whether they may drive the wall, come from main's session. */
import { z } from 'zod';
import type { EventsOf } from '../../../common/contract';
import { err, ok, type Result } from '../../../common/result';
import { defineChannels, type EventAccess } from '../../platform/ipc/module';
import { extendShape, idShape, operationShape } from './operation-rules';
import type { OperationsCaller, OperationsService } from './operations-service';

export const operationsEvents: EventAccess<EventsOf<'operations'>> = {
  'operations:changed': 'operations',
  'operations:due': 'operations',
};

// The list and every change need the operations right (convention, article 3).
export function operationsHandlers(
  ops: OperationsService,
  caller: (clientId: string) => OperationsCaller | null,
) {
  const as = <T>(clientId: string, go: (c: OperationsCaller) => T): T | Result<never> => {
    const c = caller(clientId);
    return c ? go(c) : err('unauthenticated');
  };
  return defineChannels('operations', {
    'operations:list': { access: 'operations', input: z.undefined(), handle: () => ok(ops.list()) },
    'operations:create': {
      access: 'operations',
      input: operationShape,
      handle: (p, ctx) => as(ctx.clientId, (c) => ops.create(p, c)),
    },
    'operations:extend': {
      access: 'operations',
      input: extendShape,
      handle: (p, ctx) => as(ctx.clientId, (c) => ops.extend(p.id, p.plannedEnd, c.actor)),
    },
    'operations:close': {
      access: 'operations',
      input: idShape,
      handle: (p, ctx) => as(ctx.clientId, (c) => ops.close(p.id, c.actor)),
    },
    'operations:show': {
      access: 'operations',
      input: idShape,
      handle: (p, ctx) => as(ctx.clientId, (c) => ops.show(p.id, c)),
    },
  });
}
