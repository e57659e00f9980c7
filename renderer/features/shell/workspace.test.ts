import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Permission } from '../../../common/roles';
import { adminSections, reachableWorkspaces, topLayer, workspaceOf, type LayerState } from './workspace';

/** The rights of each role (main/records/auth/roles.ts), as the session carries them. */
const ROLE: Record<string, Permission[]> = {
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
  technician: ['inventory', 'settings'],
};

test('each role reaches only the workspaces it may use', () => {
  assert.deepEqual(reachableWorkspaces(ROLE.viewer!), ['live']);
  assert.deepEqual(reachableWorkspaces(ROLE.ptz!), ['live']);
  for (const role of ['supervisor', 'head'])
    assert.deepEqual(
      reachableWorkspaces(ROLE[role]!),
      ['live', 'wall', 'registry', 'operations', 'reports', 'admin'],
      role,
    );
  assert.deepEqual(reachableWorkspaces(ROLE.technician!), ['live', 'wall', 'admin']);
  assert.deepEqual(adminSections(ROLE.supervisor!), ['admin']);
  assert.deepEqual(adminSections(ROLE.head!), ['admin', 'operators', 'input-settings', 'selftest']);
  assert.deepEqual(adminSections(ROLE.technician!), ['admin', 'input-settings', 'selftest']);
});

test('the rail shows the workspace of the open panel', () => {
  assert.equal(workspaceOf('none', false), 'live');
  assert.equal(workspaceOf('map', false), 'live');
  assert.equal(workspaceOf('map', true), 'wall');
  assert.equal(workspaceOf('registry', true), 'registry');
  assert.equal(workspaceOf('report', false), 'reports');
  assert.equal(workspaceOf('selftest', false), 'admin');
});

const closed: LayerState = {
  confirm: false,
  shortcuts: false,
  importPreview: false,
  panel: 'none',
  wallOpen: false,
  incidentFormOpen: false,
  solo: false,
  wallSelected: false,
};

test('Escape closes the top dialog first, then the pane opened last, then the workspace, then the tile alone', () => {
  assert.equal(topLayer(closed, []), null);
  assert.equal(topLayer({ ...closed, solo: true }, []), 'solo');
  const panes: LayerState = { ...closed, panel: 'map', wallOpen: true, incidentFormOpen: true, solo: true };
  assert.equal(topLayer(panes, ['pane', 'wall', 'incident-form']), 'incident-form');
  assert.equal(topLayer(panes, ['incident-form', 'pane', 'wall']), 'wall');
  assert.equal(topLayer({ ...panes, wallOpen: false }, ['incident-form', 'pane', 'wall']), 'pane');
  assert.equal(topLayer({ ...panes, confirm: true }, []), 'confirm');
  assert.equal(topLayer({ ...panes, shortcuts: true, importPreview: true }, []), 'shortcuts');
  assert.equal(topLayer({ ...panes, importPreview: true }, []), 'import');
  // A workspace covers the live view's panes: it goes first, and they come back behind it.
  assert.equal(topLayer({ ...panes, panel: 'registry' }, ['wall']), 'workspace');
  // A wall tile chosen as the target is let go before a tile shown alone.
  assert.equal(topLayer({ ...closed, wallSelected: true, solo: true }, []), 'wall-target');
});
