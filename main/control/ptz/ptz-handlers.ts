/** The `ptz:*` invokes: who calls is read from main's session, never from the payload. */
import { z } from 'zod';
import type { EventsOf, SessionView } from '../../../common/contract';
import { err, type Result } from '../../../common/result';
import { defineChannels, type EventAccess } from '../../platform/ipc/module';
import { cameraId, text } from '../../platform/ipc/shapes';
import { inputSettingsSchema } from '../input/settings';
import type { PtzCaller, PtzService } from './ptz-service';

/** Anyone who sees images sees who holds a camera; the rest goes to those who may steer. */
export const ptzEvents: EventAccess<EventsOf<'ptz'>> = {
  'ptz:leases': 'view',
  'ptz:devices': 'ptz',
  'ptz:ended': 'ptz',
  'ptz:camera': 'ptz',
  'ptz:console': 'ptz',
  'ptz:input': 'settings',
};

const axis = z.number().min(-1).max(1);
/** The event reference and reason are free text, bounded and under the text rule. */
const line = (max: number) => text({ max }).trim().min(1);
const camera = z.strictObject({ cameraId });
const minutes = z
  .number()
  .positive()
  .max(24 * 60)
  .optional();

/** Anyone who sees images sees who holds a camera; steering needs the ptz right, settings the technician's. */
export function ptzHandlers(d: { service: PtzService; status: (clientId: string) => SessionView | null }) {
  const caller = <T>(clientId: string, go: (c: PtzCaller) => T): T | Result<never> => {
    const s = d.status(clientId);
    if (!s) return err('unauthenticated');
    const { login, name, rank, service, role } = s;
    return go({ clientId, role, actor: { login, name, rank, service } });
  };
  return defineChannels('ptz', {
    'ptz:state': {
      access: 'view',
      input: z.undefined(),
      handle: () => ({ ok: true, value: d.service.state() }),
    },
    'ptz:take': {
      access: 'ptz',
      input: z.strictObject({
        cameraId,
        eventRef: line(80),
        reason: line(300),
        minutes,
        override: z.boolean().optional(),
      }),
      handle: (p, ctx) => caller(ctx.clientId, (c) => d.service.take(c, p)),
    },
    'ptz:extend': {
      access: 'ptz',
      input: z.strictObject({ cameraId, minutes }),
      handle: (p, ctx) => caller(ctx.clientId, (c) => d.service.extend(c, p.cameraId, p.minutes)),
    },
    'ptz:release': {
      access: 'ptz',
      input: camera,
      handle: (p, ctx) => caller(ctx.clientId, (c) => d.service.release(c, p.cameraId)),
    },
    'ptz:select': {
      access: 'ptz',
      input: z.strictObject({ cameraId: cameraId.nullable() }),
      handle: (p, ctx) => caller(ctx.clientId, (c) => d.service.select(c, p.cameraId)),
    },
    'ptz:move': {
      access: 'ptz',
      input: z.strictObject({ cameraId, pan: axis, tilt: axis, zoom: axis }),
      handle: (p, ctx) => caller(ctx.clientId, (c) => d.service.move(c, p)),
    },
    'ptz:stop': {
      access: 'ptz',
      input: z.strictObject({ cameraId, reason: z.enum(['release', 'blur']) }),
      handle: (p) => d.service.stop(p.cameraId, p.reason),
    },
    'ptz:presets': {
      access: 'ptz',
      input: camera,
      handle: (p, ctx) => caller(ctx.clientId, (c) => d.service.presets(c, p.cameraId)),
    },
    'ptz:goto-preset': {
      access: 'ptz',
      input: z.strictObject({ cameraId, token: text({ min: 1, max: 64 }) }),
      handle: (p, ctx) => caller(ctx.clientId, (c) => d.service.gotoPreset(c, p.cameraId, p.token)),
    },
    'ptz:settings-get': {
      access: 'settings',
      input: z.undefined(),
      handle: () => ({ ok: true, value: d.service.settings() }),
    },
    'ptz:settings-set': {
      access: 'settings',
      input: inputSettingsSchema.required(),
      handle: (p) => d.service.setSettings(p),
    },
  });
}
