/**
 * The console's keyboard, as on a CCTV desk: a camera number then Enter calls it onto the chosen
 * target (the console's selected tile, or the wall tile picked in the miniature); arrows move that
 * selection (they steer the camera instead while this post holds its lease); Ctrl+1…6 open the
 * workspaces, Ctrl+Shift+1…6 pick the layouts, Alt+1…9 recall the wall's presets; Escape closes the
 * top dialog or pane; `?` lists all of this (features/shell/ShortcutsDialog.tsx).
 */
import { LAYOUTS } from '../../common/contract';
import { WALL_GRID, WALL_TILES } from '../../common/contract';
import { layerOrder } from '../features/shell/bind-shell';
import { reachableWorkspaces, topLayer, WORKSPACES, type Layer } from '../features/shell/workspace';
import { gridCells, neighbour, type Direction } from '../features/mosaic/tile-grid';
import { LAYOUT_TILES } from '../features/mosaic/mosaic-slice';
import { useConsole, type ConsoleState } from './console-store';

const ARROWS: Record<string, Direction> = {
  ArrowUp: 'up',
  ArrowDown: 'down',
  ArrowLeft: 'left',
  ArrowRight: 'right',
};

/** How each layer closes. */
const CLOSE: Record<Layer, (s: ConsoleState) => void> = {
  confirm: (s) => s.answerConfirm(false),
  shortcuts: (s) => s.setShortcutsOpen(false),
  import: (s) => s.setPreview(null),
  'incident-form': (s) => s.setIncidentFormOpen(false),
  wall: (s) => s.toggleWall(),
  pane: (s) => s.setPanel('none'),
  workspace: (s) => s.goWorkspace(s.wallOpen ? 'wall' : 'live'),
  'wall-target': (s) => s.wallSelect(null),
  solo: (s) => s.toggleSolo(s.solo!),
};

/** Closes what Escape closes: the top dialog, else the pane opened last, else the workspace. */
export function closeTop(): boolean {
  const s = useConsole.getState();
  const layer = topLayer(
    {
      confirm: s.confirm !== null,
      shortcuts: s.shortcutsOpen,
      importPreview: s.preview !== null,
      panel: s.panel,
      wallOpen: s.wallOpen,
      incidentFormOpen: s.incidentFormOpen,
      solo: s.solo !== null,
      wallSelected: s.wallOpen && s.wallSelected !== null,
    },
    layerOrder(),
  );
  if (layer === null) return false;
  CLOSE[layer](s);
  return true;
}

/** This post steers the selected tile's camera: the arrows are the camera's, not the selection's. */
function steering(s: ConsoleState): boolean {
  const cameraId = s.tiles[s.solo ?? s.selected];
  const lease = cameraId === null || cameraId === undefined ? undefined : s.leases[cameraId];
  return !!lease && lease.holder.login === s.session?.login && lease.holder.post === s.ptz?.post;
}

function moveSelection(s: ConsoleState, dir: Direction): void {
  const wallLayout = s.wall?.state?.layout;
  if (s.wallOpen && s.wallSelected !== null && wallLayout) {
    const { cols, big } = WALL_GRID[wallLayout];
    s.wallSelect(neighbour(gridCells(cols, big, WALL_TILES[wallLayout]), s.wallSelected, dir));
    return;
  }
  if (s.solo !== null) return;
  const { cols, big } = WALL_GRID[s.layout];
  s.select(neighbour(gridCells(cols, big, LAYOUT_TILES[s.layout]), s.selected, dir));
}

function onKey(e: KeyboardEvent): void {
  const s = useConsole.getState();
  if (!s.session || s.session.locked) return;
  if (e.key === 'Escape') {
    s.setEntry('');
    if (closeTop()) e.preventDefault();
    return;
  }
  const target = e.target as HTMLElement | null;
  const typing =
    !!target &&
    (target.tagName === 'INPUT' ||
      target.tagName === 'TEXTAREA' ||
      target.tagName === 'SELECT' ||
      target.isContentEditable);
  // A dialog is open over the console: its own buttons, Tab and Escape only.
  if (typing || s.confirm || s.shortcutsOpen || s.preview) return;
  const perms = s.session.permissions;
  if (e.ctrlKey && !e.altKey && !e.metaKey && /^Digit[1-9]$/.test(e.code)) {
    const n = Number(e.code.slice(5));
    if (e.shiftKey) {
      const layout = LAYOUTS[n - 1];
      if (layout && perms.includes('view')) s.setLayout(layout);
    } else {
      const workspace = WORKSPACES[n - 1];
      if (workspace && reachableWorkspaces(perms).includes(workspace)) s.goWorkspace(workspace);
    }
    e.preventDefault();
    return;
  }
  if (e.ctrlKey || e.metaKey) return;
  if (e.altKey && /^Digit[1-9]$/.test(e.code)) {
    // Alt+N recalls the wall's N-th preset.
    if (perms.includes('wall')) s.recallPresetByNumber(Number(e.code.slice(5)));
  } else if (e.altKey) {
    return;
  } else if (e.key === '?') {
    s.setShortcutsOpen(true);
  } else if (ARROWS[e.key]) {
    if (steering(s) || !perms.includes('view')) return;
    moveSelection(s, ARROWS[e.key]!);
  } else if (/^[0-9]$/.test(e.key)) {
    s.setEntry((s.entry + e.key).slice(0, 6));
    s.setEntryMessage(null);
  } else if (e.key === 'Backspace') {
    s.setEntry(s.entry.slice(0, -1));
  } else if (e.key === 'Enter' && s.entry) {
    const id = Number(s.entry);
    s.setEntry('');
    if (!s.cameras.some((c) => c.id === id)) s.setEntryMessage({ key: 'entry.unknown', params: { id } });
    else if (s.wallOpen && s.wallSelected !== null)
      void s.wallApply({ kind: 'tile', index: s.wallSelected, cameraId: id });
    else s.assign(s.solo ?? s.selected, id);
  } else return;
  e.preventDefault();
}

export function bindKeyboard(): void {
  window.addEventListener('keydown', onKey);
}
