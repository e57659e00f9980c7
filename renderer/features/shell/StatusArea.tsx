/**
 * What needs the operator's attention, for as long as it lasts: a registry that cannot write, the
 * wall's link and page, cameras
 * in fault, a lease about to run out, an input device gone, an operation past its end. Each item is
 * `status-<kind>`; a click takes the operator where it can be dealt with.
 */
import type { Permission } from '../../../common/roles';
import { useEffect, useMemo } from 'react';
import { formatDuration, formatTime } from '../../../common/format';
import { useConsole, useT } from '../../console/console-store';
import { NONE } from '../../ui/empty';
import { LAYOUT_TILES } from '../mosaic/mosaic-slice';
import { statusItems, type StatusItem } from './status';

export function StatusArea() {
  const t = useT();
  const permissions: readonly Permission[] = useConsole((s) => s.session?.permissions) ?? NONE;
  const login = useConsole((s) => s.session?.login ?? '');
  const post = useConsole((s) => s.ptz?.post ?? null);
  const wall = useConsole((s) => s.wall);
  const layout = useConsole((s) => s.layout);
  const tiles = useConsole((s) => s.tiles);
  const cameras = useConsole((s) => s.cameras);
  const statuses = useConsole((s) => s.statuses);
  const leases = useConsole((s) => s.leases);
  const devices = useConsole((s) => s.ptzDevices);
  const operations = useConsole((s) => s.operations);
  const now = useConsole((s) => s.now);
  const registry = useConsole((s) => s.registryHealth);
  const canWall = permissions.includes('wall');
  useEffect(() => {
    // Pushed when it changes; read once to start from (a post already unable to write).
    void useConsole.getState().loadRegistryHealth();
  }, []);
  useEffect(() => {
    // The wall's state is pushed to consoles with the wall right; read it once to start from.
    if (canWall) void useConsole.getState().loadWall();
  }, [canWall]);
  const items = useMemo(
    () =>
      statusItems({
        permissions,
        login,
        post,
        wall,
        shownCameras: tiles.slice(0, LAYOUT_TILES[layout]),
        cameras,
        statuses,
        leases,
        devices,
        operations,
        registry,
        now,
      }),
    [
      permissions,
      login,
      post,
      wall,
      tiles,
      layout,
      cameras,
      statuses,
      leases,
      devices,
      operations,
      registry,
      now,
    ],
  );
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
