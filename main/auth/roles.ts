/** Roles of the convention and what each may do; main enforces these on every call. */
export const ROLES = ['viewer', 'ptz', 'supervisor', 'head', 'technician'] as const;
export type Role = (typeof ROLES)[number];

export type Permission = 'view' | 'ptz' | 'inventory' | 'registry' | 'registry.admin' | 'operators';

const GRANTS: Record<Role, readonly Permission[]> = {
  viewer: ['view'],
  ptz: ['view', 'ptz'],
  supervisor: ['view', 'ptz', 'inventory', 'registry'],
  head: ['view', 'inventory', 'registry', 'registry.admin', 'operators'],
  // Configuration and commissioning: never images.
  technician: ['inventory'],
};

export function can(role: Role, p: Permission): boolean {
  return GRANTS[role].includes(p);
}

export const ROLE_LABELS: Record<Role, string> = {
  viewer: 'opérateur vidéo',
  ptz: 'opérateur PTZ',
  supervisor: 'superviseur',
  head: 'chef de service',
  technician: 'technicien',
};
