/** The right each contract channel needs, checked in main before its handler runs. */
import type { Channel } from '../../common/contract';
import type { Permission } from './roles';

export type Access = Permission | 'public' | 'session' | 'locked-ok';

export const CHANNEL_ACCESS: Record<Channel, Access> = {
  'app:info': 'public',
  'auth:status': 'public',
  'auth:login': 'public',
  'auth:logout': 'locked-ok',
  'auth:lock': 'session',
  'auth:unlock': 'locked-ok',
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
  'registry:export': 'registry',
  'registry:verify': 'registry.admin',
  'registry:checkpoint': 'registry.admin',
  'registry:requisition': 'registry',
};
