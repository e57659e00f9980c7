/**
 * The console's workspaces, as the rail offers them, and what each role may reach. Pure: no store,
 * no DOM. A workspace is what the dock beside the mosaic shows; the mosaic itself stays where it is
 * (and keeps playing) whichever workspace is open.
 */
import type { Permission } from '../../../common/roles';
import type { Panel } from './shell-slice';

export const WORKSPACES = ['live', 'wall', 'registry', 'operations', 'reports', 'admin'] as const;
export type Workspace = (typeof WORKSPACES)[number];

/** The administration workspace's sections, each under its own right. */
export const ADMIN_SECTIONS = ['admin', 'operators', 'input-settings', 'selftest'] as const;
export type AdminSection = (typeof ADMIN_SECTIONS)[number];

const SECTION_RIGHT: Record<AdminSection, Permission> = {
  admin: 'inventory',
  operators: 'operators',
  'input-settings': 'settings',
  selftest: 'settings',
};

/** Panels that fill the dock as a workspace of their own (wide); the others are panes of the live view. */
const MAJOR: Partial<Record<Panel, Workspace>> = {
  registry: 'registry',
  operations: 'operations',
  report: 'reports',
  admin: 'admin',
  operators: 'admin',
  'input-settings': 'admin',
  selftest: 'admin',
};

export function majorWorkspace(panel: Panel): Workspace | null {
  return MAJOR[panel] ?? null;
}

/** The workspace the rail shows as current. */
export function workspaceOf(panel: Panel, wallOpen: boolean): Workspace {
  return majorWorkspace(panel) ?? (wallOpen ? 'wall' : 'live');
}

export function adminSections(perms: readonly Permission[]): AdminSection[] {
  return ADMIN_SECTIONS.filter((s) => perms.includes(SECTION_RIGHT[s]));
}

/** The workspaces a role may open: each shows only what the role may use. */
export function reachableWorkspaces(perms: readonly Permission[]): Workspace[] {
  const can = (p: Permission): boolean => perms.includes(p);
  return WORKSPACES.filter((w) => {
    switch (w) {
      case 'live':
        return true;
      case 'wall':
        return can('wall') || can('settings');
      case 'registry':
      case 'reports':
        return can('registry');
      case 'operations':
        return can('operations');
      case 'admin':
        return adminSections(perms).length > 0;
    }
  });
}

/** Panes of the live view: at most one of these at a time, beside the wall pane and the report form. */
export const LIVE_PANES: readonly Panel[] = ['instructions', 'incidents', 'contacts', 'map'];

/** What Escape closes, top first: a dialog, then the pane opened last, then the workspace. */
export type Layer =
  | 'confirm'
  | 'shortcuts'
  | 'import'
  | 'incident-form'
  | 'wall'
  | 'pane'
  | 'workspace'
  | 'solo'
  | 'wall-target';

export interface LayerState {
  confirm: boolean;
  shortcuts: boolean;
  importPreview: boolean;
  panel: Panel;
  wallOpen: boolean;
  incidentFormOpen: boolean;
  solo: boolean;
  wallSelected: boolean;
}

/**
 * The layer Escape closes. Dialogs are on top; among the panes docked beside the mosaic, the one
 * opened last (`order`, oldest first) goes first; then a workspace returns to the live view; then a
 * tile shown alone returns to the mosaic.
 */
export function topLayer(s: LayerState, order: readonly Layer[]): Layer | null {
  if (s.confirm) return 'confirm';
  if (s.shortcuts) return 'shortcuts';
  if (s.importPreview) return 'import';
  if (majorWorkspace(s.panel)) return 'workspace';
  const open = new Set<Layer>();
  if (s.incidentFormOpen) open.add('incident-form');
  if (s.wallOpen) open.add('wall');
  if (LIVE_PANES.includes(s.panel)) open.add('pane');
  for (const l of [...order].reverse()) if (open.has(l)) return l;
  for (const l of ['incident-form', 'pane', 'wall'] as const) if (open.has(l)) return l;
  if (s.wallSelected) return 'wall-target';
  if (s.solo) return 'solo';
  return null;
}
