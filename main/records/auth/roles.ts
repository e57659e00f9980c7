/** What each role of the convention may do; main enforces these on every call. */
import { PERMISSIONS, type Permission, type Role } from '../../../common/roles';

export { ROLES, type Permission, type Role } from '../../../common/roles';

const GRANTS: Record<Role, readonly Permission[]> = {
  viewer: ['view'],
  ptz: ['view', 'ptz'],
  supervisor: ['view', 'ptz', 'inventory', 'registry', 'wall', 'operations'],
  head: [
    'view',
    'inventory',
    'registry',
    'registry.admin',
    'operators',
    'wall',
    'settings',
    'service',
    'operations',
  ],
  // Configuration and commissioning: never images.
  technician: ['inventory', 'settings'],
};

export function can(role: Role, p: Permission): boolean {
  return GRANTS[role].includes(p);
}

export function permissionsOf(role: Role): Permission[] {
  return PERMISSIONS.filter((p) => can(role, p));
}
