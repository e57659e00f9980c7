/** Roles of the convention and the rights they may hold; main maps one to the other (main/auth/roles.ts). */
export const ROLES = ['viewer', 'ptz', 'supervisor', 'head', 'technician'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'view',
  'ptz',
  'inventory',
  'registry',
  'registry.admin',
  'operators',
  /** Drive the video wall: layout, push, presets, tours. */
  'wall',
  /** A post's technical settings: input devices, wall display and link. Never images. */
  'settings',
  /** The head of service's shared documents: importing the common instructions, editing the contacts. */
  'service',
  /** Special operations (article 3): start, extend and close them. */
  'operations',
] as const;
export type Permission = (typeof PERMISSIONS)[number];
