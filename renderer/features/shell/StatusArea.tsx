/**
 * What needs the operator's attention, for as long as it lasts: a registry that cannot write, the
 * wall's link and page, cameras
 * in fault, a lease about to run out, an input device gone, an operation past its end. Each item is
 * `status-<kind>`; a click takes the operator where it can be dealt with.
 */
import { useEffect, useMemo } from 'react';
import { formatDuration, formatTime } from '../../../common/format';
import { useShallow } from 'zustand/react/shallow';
import { useConsole, useT, type ConsoleState } from '../../console/console-store';
import { NONE } from '../../ui/empty';
import { LAYOUT_TILES } from '../mosaic/mosaic-slice';
import { statusItems, type StatusInput, type StatusItem } from './status';

type Source = Omit<StatusInput, 'shownCameras'> & Pick<ConsoleState, 'tiles' | 'layout'>;

/** What the items are made of, read in one go: useShallow keeps the same object while no field changes. */
const statusSource = (s: ConsoleState): Source => ({
  permissions: s.session?.permissions ?? NONE,
  login: s.session?.login ?? '',
  post: s.ptz?.post ?? null,
  wall: s.wall,
  tiles: s.tiles,
  layout: s.layout,
  cameras: s.cameras,
  statuses: s.statuses,
  leases: s.leases,
  devices: s.ptzDevices,
  operations: s.operations,
  registry: s.registryHealth,
  now: s.now,
});

export function StatusArea() {
  const t = useT();
  const source = useConsole(useShallow(statusSource));
  const canWall = source.permissions.includes('wall');
  useEffect(() => {
    // Pushed when it changes; read once to start from (a post already unable to write).
    void useConsole.getState().loadRegistryHealth();
  }, []);
  useEffect(() => {
    // The wall's state is pushed to consoles with the wall right; read it once to start from.
    if (canWall) void useConsole.getState().loadWall();
  }, [canWall]);
  const items = useMemo(() => {
    const { tiles, layout, ...rest } = source;
    return statusItems({ ...rest, shownCameras: tiles.slice(0, LAYOUT_TILES[layout]) });
  }, [source]);
  const act = (item: StatusItem): void => {
    const s = useConsole.getState();
    if (item.kind === 'wall') s.goWorkspace('wall');
    else if (item.kind === 'operations') s.goWorkspace('operations');
    else if (item.cameraId !== undefined) {
      const tile = s.tiles.slice(0, LAYOUT_TILES[s.layout]).indexOf(item.cameraId);
      if (tile >= 0) s.select(tile);
    }
  };
  return (
    <div className="status-area" data-testid="status-area" role="status" aria-label={t('status.label')}>
      {items.map((item) => (
        <button
          key={item.kind}
          type="button"
          className={`status-item level-${item.level}`}
          data-testid={`status-${item.kind}`}
          data-level={item.level}
          title={t(item.key, wordedParams(item))}
          onClick={() => act(item)}
        >
          {t(item.key, wordedParams(item))}
        </button>
      ))}
    </div>
  );
}

/** A lease's time left as m:ss; when the registry stopped writing, as the post's time of day. */
function wordedParams(item: StatusItem): Record<string, string | number> | undefined {
  if (item.kind === 'registry' && item.params)
    return { ...item.params, since: formatTime(Date.parse(String(item.params.since))) };
  if (item.kind !== 'lease' || !item.params) return item.params;
  return { ...item.params, left: formatDuration(Number(item.params.left)) };
}
