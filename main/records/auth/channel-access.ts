/** The right each contract channel needs, checked in main before its handler runs. */
import type { Channel, EventName } from '../../../common/contract';
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
  // The key is checked by the handler; a client presenting wrong keys is closed (wall-displays.ts).
  'wall:open': 'public',
  'wall:report': 'wall-display',
  // Issue 12, docs: everyone who sees images reads the instructions and contacts and files reports;
  // the head of service (`service`) imports the instructions and edits the contacts.
  'instructions:get': 'view',
  'instructions:read': 'view',
  'instructions:import': 'service',
  'incidents:report': 'view',
  'incidents:list': 'view',
  'contacts:get': 'view',
  'contacts:set': 'service',
  // Special operations (article 3): the list and every change need the operations right.
  'operations:list': 'operations',
  'operations:create': 'operations',
  'operations:extend': 'operations',
  'operations:close': 'operations',
  'operations:show': 'operations',
  // The site map: the plan is no camera picture, so every operator sees it (markers and states come
  // from what each already may see); only the technician's `settings` right imports it.
  'map:get': 'session',
  'map:plan': 'session',
  'map:tile': 'session',
  'map:import-plan': 'settings',
  'map:import-tiles': 'settings',
  // The annual report: the registry's readers (supervisor, head).
  'report:run': 'registry',
  'report:export': 'registry',
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
  'instructions:changed': 'view',
  'incidents:added': 'view',
  'contacts:changed': 'view',
  'operations:changed': 'operations',
  'operations:due': 'operations',
  'map:changed': 'session',
  'report:progress': 'registry',
  // Sent only to the console that started the job (main/jobs), which already passed its channel's right.
  'jobs:progress': 'session',
};

/** The only pushes a wall page receives: what it needs to show its tiles, nothing of operators. */
export const WALL_DISPLAY_EVENTS: ReadonlySet<EventName> = new Set<EventName>([
  'wall:changed',
  'streams:status',
  'cameras:changed',
]);
