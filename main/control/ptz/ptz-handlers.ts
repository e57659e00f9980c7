/** The `ptz:*` invokes: who calls is read from main's session, never from the payload. */
import type { ChannelsOf } from '../../../common/contract';
import { err, type Result } from '../../../common/result';
import type { AuthService } from '../../records/auth/auth-service';
import type { Handler } from '../../platform/ipc/router';
import type { PtzCaller, PtzService } from './ptz-service';

type PtzHandlers = { [C in ChannelsOf<'ptz'>]: Handler<C> };

export function ptzHandlers(ptz: () => PtzService, auth: AuthService): PtzHandlers {
  const caller = <T>(clientId: string, go: (c: PtzCaller) => T): T | Result<never> => {
    const s = auth.status(clientId);
    if (!s) return err('unauthenticated');
    const { login, name, rank, service, role } = s;
    return go({ clientId, role, actor: { login, name, rank, service } });
  };
  return {
    'ptz:state': () => ({ ok: true, value: ptz().state() }),
    'ptz:take': (p, ctx) => caller(ctx.clientId, (c) => ptz().take(c, p)),
    'ptz:extend': (p, ctx) => caller(ctx.clientId, (c) => ptz().extend(c, p.cameraId, p.minutes)),
    'ptz:release': (p, ctx) => caller(ctx.clientId, (c) => ptz().release(c, p.cameraId)),
    'ptz:select': (p, ctx) => caller(ctx.clientId, (c) => ptz().select(c, p.cameraId)),
    'ptz:move': (p, ctx) => caller(ctx.clientId, (c) => ptz().move(c, p)),
    'ptz:stop': (p) => ptz().stop(p.cameraId, p.reason),
    'ptz:presets': (p, ctx) => caller(ctx.clientId, (c) => ptz().presets(c, p.cameraId)),
    'ptz:goto-preset': (p, ctx) => caller(ctx.clientId, (c) => ptz().gotoPreset(c, p.cameraId, p.token)),
    'ptz:settings-get': () => ({ ok: true, value: ptz().settings() }),
    'ptz:settings-set': (p) => ptz().setSettings(p),
  };
}
