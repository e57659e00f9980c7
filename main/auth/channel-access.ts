/** The right each contract channel needs, checked in main before its handler runs. */
import type { Channel, EventName } from '../../common/contract';
import type { Permission } from './roles';

/** `wall-display`: a wall page that presented the post's wall key (main/wall/wall-displays.ts). */
export type Access = Permission | 'public' | 'session' | 'locked-ok' | 'wall-display';

export const CHANNEL_ACCESS: Record<Channel, Access> = {
  'app:info': 'public',
  'auth:status': 'public',
  'auth:login': 'public',
  'auth:logout': 'locked-ok',
  'auth:lock': 'session',
  'auth:unlock': 'locked-ok',
  'auth:activity': 'session',
  'cameras:list': 'session',
  'cameras:preview-import': 'inventory',
  'cameras:apply-import': 'inventory',
  'cameras:history': 'inventory',
  'layout:get': 'view',
  'layout:set': 'view',
  'streams:endpoint': 'view',
  'streams:statuses': 'view',
  'operators:list': 'operators',
  'operators:save': 'operators',
  'registry:query': 'registry',
  'registry:slots': 'registry',
  'registry:export': 'registry',
  'registry:verify': 'registry.admin',
  'registry:checkpoint': 'registry.admin',
  'registry:requisition': 'registry',
  // PTZ: anyone who sees images sees who holds a camera; steering needs the ptz right.
  'ptz:state': 'view',
  'ptz:take': 'ptz',
  'ptz:extend': 'ptz',
  'ptz:release': 'ptz',
  'ptz:select': 'ptz',
  'ptz:move': 'ptz',
  'ptz:stop': 'ptz',
  'ptz:presets': 'ptz',
  'ptz:goto-preset': 'ptz',
  'ptz:settings-get': 'settings',
  'ptz:settings-set': 'settings',
  // The commissioning self-test: technicians and heads, never images.
  'selftest:run': 'settings',
  'wall:get': 'wall',
  'wall:apply': 'wall',
  'wall:display': 'wall',
  'wall:preset-save': 'wall',
  'wall:preset-recall': 'wall',
  'wall:settings-get': 'settings',
  'wall:settings-set': 'settings',
  // The key is checked by the handler, with a rate limit.
  'wall:open': 'public',
  'wall:report': 'wall-display',
};

/**
 * The right a push needs to reach a client, checked by every transport (browser host and Electron)
 * before it sends. Typed over the event names: a new event without an entry is a type error.
 * `auth:session` is only ever sent to the one client it concerns.
 */
export const EVENT_ACCESS: Record<EventName, Access> = {
  'streams:status': 'view',
  'cameras:changed': 'session',
  'layout:changed': 'view',
  'auth:session': 'public',
  'ptz:leases': 'view',
  'ptz:devices': 'ptz',
  'ptz:ended': 'ptz',
  'ptz:camera': 'ptz',
  'ptz:console': 'ptz',
  'wall:changed': 'wall',
  // Sent only to the console that started the job (main/jobs), which already passed its channel's right.
  'jobs:progress': 'session',
};

/** The only pushes a wall page receives: what it needs to show its tiles, nothing of operators. */
export const WALL_DISPLAY_EVENTS: ReadonlySet<EventName> = new Set<EventName>([
  'wall:changed',
  'streams:status',
  'cameras:changed',
]);
