/**
 * The status area's items: what needs the operator's attention now, each from what main already
 * pushes (the wall's view, stream states, leases, input devices, operations). Pure: one item per
 * kind, worded by catalogue keys, so it re-renders in the current language.
 */
import type { CameraView, RegistryHealthView, StreamStatus } from '../../../common/contract';
import type { OperationView } from '../../../common/contract';
import type { PtzDeviceView, PtzLeaseView } from '../../../common/contract';
import type { WallView } from '../../../common/contract';
import type { Permission } from '../../../common/roles';
import type { MessageKey } from '../../i18n';

export type StatusKind = 'registry' | 'wall' | 'cameras' | 'lease' | 'devices' | 'operations';

export interface StatusItem {
  kind: StatusKind;
  level: 'warn' | 'bad';
  key: MessageKey;
  params?: Record<string, string | number>;
  /** A lease's camera, a faulty camera: what a click on the item selects. */
  cameraId?: number;
}

/** A lease this close to its end is shown: the holder extends it or lets it go knowingly. */
export const LEASE_WARNING_MS = 60_000;

export interface StatusInput {
  permissions: readonly Permission[];
  login: string;
  post: string | null;
  wall: WallView | null;
  /** The cameras on the console's visible tiles. */
  shownCameras: readonly (number | null)[];
  cameras: readonly CameraView[];
  statuses: Record<string, StreamStatus>;
  leases: Record<number, PtzLeaseView>;
  devices: readonly PtzDeviceView[];
  operations: readonly OperationView[];
  /** Whether the registry can write (null: not read yet). */
  registry: RegistryHealthView | null;
  now: number;
}

const FAULTY = new Set(['offline', 'stalled']);

function wallItem(wall: WallView | null): StatusItem | null {
  if (!wall) return null;
  if (wall.link === 'down' || wall.link === 'refused-by-wall' || wall.link === 'wall-pin-mismatch')
    return { kind: 'wall', level: 'bad', key: `status.wall.${wall.link}` };
  if (wall.link === 'connecting') return { kind: 'wall', level: 'warn', key: 'status.wall.connecting' };
  if (wall.displayMissing)
    return {
      kind: 'wall',
      level: 'warn',
      key: 'status.wall.displayMissing',
      params: { display: wall.displayMissing },
    };
  // No wall page has reported what it shows: none is connected (main keeps the report of the pages it knows).
  if (wall.shown.length === 0) return { kind: 'wall', level: 'warn', key: 'status.wall.noPage' };
  return null;
}

function cameraItem(i: StatusInput): StatusItem | null {
  const watched = new Set<number>();
  for (const id of i.shownCameras) if (id !== null) watched.add(id);
  const wallTiles = i.wall?.state?.tiles ?? [];
  i.wall?.shown.forEach((state, index) => {
    const id = wallTiles[index]?.cameraId;
    if (id !== null && id !== undefined && FAULTY.has(state)) watched.add(id);
  });
  const byCamera = new Map<number, StreamStatus[]>();
  for (const st of Object.values(i.statuses))
    if (watched.has(st.cameraId)) byCamera.set(st.cameraId, [...(byCamera.get(st.cameraId) ?? []), st]);
  const faulty: number[] = [];
  for (const id of watched) {
    const own = byCamera.get(id) ?? [];
    const onWall = i.wall?.shown.some((s, index) => wallTiles[index]?.cameraId === id && FAULTY.has(s));
    const console =
      own.length > 0 && own.some((s) => FAULTY.has(s.state)) && !own.some((s) => s.state === 'playing');
    if (console || onWall) faulty.push(id);
  }
  if (faulty.length === 0) return null;
  faulty.sort((a, b) => a - b);
  return {
    kind: 'cameras',
    level: 'bad',
    key: faulty.length === 1 ? 'status.cameras.one' : 'status.cameras.many',
    params: { count: faulty.length, ids: faulty.slice(0, 6).join(', ') + (faulty.length > 6 ? '…' : '') },
    cameraId: faulty[0]!,
  };
}

function leaseItem(i: StatusInput): StatusItem | null {
  const mine = Object.values(i.leases)
    .filter(
      (l) =>
        l.holder.login === i.login && l.holder.post === i.post && l.expiresAt - i.now <= LEASE_WARNING_MS,
    )
    .sort((a, b) => a.expiresAt - b.expiresAt);
  const first = mine[0];
  if (!first) return null;
  return {
    kind: 'lease',
    level: 'warn',
    key: 'status.lease',
    params: { id: first.cameraId, left: Math.max(0, Math.ceil((first.expiresAt - i.now) / 1000)) },
    cameraId: first.cameraId,
  };
}

function devicesItem(devices: readonly PtzDeviceView[]): StatusItem | null {
  const lost = devices.find((d) => d.state !== 'connected');
  if (!lost || devices.some((d) => d.kind === lost.kind && d.state === 'connected')) return null;
  return { kind: 'devices', level: 'warn', key: `status.devices.${lost.kind}` };
}

function operationsItem(ops: readonly OperationView[]): StatusItem | null {
  const due = ops.filter((o) => o.state === 'due');
  if (due.length === 0) return null;
  return {
    kind: 'operations',
    level: 'bad',
    key: due.length === 1 ? 'status.operations.one' : 'status.operations.many',
    params: { count: due.length, name: due[0]!.name },
  };
}

/** The registry cannot write: every operator is told, whatever his rights (his next call is refused). */
function registryItem(h: RegistryHealthView | null): StatusItem | null {
  if (h?.state === 'unable')
    return { kind: 'registry', level: 'bad', key: `status.registry.${h.reason}`, params: { since: h.since } };
  // The CIC's registry away: nothing is refused, the entries wait on this post.
  if (h?.shared?.state === 'outage')
    return {
      kind: 'registry',
      level: 'warn',
      key: 'status.registry.store_outage',
      params: { since: h.shared.since },
    };
  return null;
}

export function statusItems(i: StatusInput): StatusItem[] {
  const can = (p: Permission): boolean => i.permissions.includes(p);
  const items = [
    registryItem(i.registry),
    can('wall') ? wallItem(i.wall) : null,
    can('view') ? cameraItem(i) : null,
    can('ptz') ? leaseItem(i) : null,
    can('ptz') ? devicesItem(i.devices) : null,
    can('operations') ? operationsItem(i.operations) : null,
  ];
  return items.filter((x): x is StatusItem => x !== null);
}
