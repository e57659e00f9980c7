/** Difference between two inventories, as reported to the police with every annex change. */
import type { CameraView, FieldChange, InventoryDiff } from '../../../common/contract';
import type { Camera } from './inventory-schema';
import { redact } from '../../platform/log/logger';

export function toView(c: Camera): CameraView {
  return {
    id: c.id,
    name: c.name,
    site: c.site,
    zone: c.zone,
    hasSub: c.streams.sub !== undefined,
    ptz: c.ptz?.type ?? null,
    ...(c.lat !== undefined && { lat: c.lat }),
    ...(c.lon !== undefined && { lon: c.lon }),
  };
}

/** Flat, comparable fields; URLs are redacted so a diff never carries credentials. */
function flatten(c: Camera): Record<string, string> {
  const ptz = c.ptz
    ? c.ptz.type === 'onvif'
      ? `onvif ${redact(c.ptz.url)}`
      : `pelco-d ${c.ptz.port} #${c.ptz.address}`
    : '';
  return {
    name: c.name,
    site: c.site,
    zone: c.zone,
    'streams.main': redact(c.streams.main),
    'streams.sub': redact(c.streams.sub ?? ''),
    ptz,
    credentialsRef: c.credentialsRef ?? '',
    lat: c.lat?.toString() ?? '',
    lon: c.lon?.toString() ?? '',
  };
}

export function diffInventories(before: Camera[], after: Camera[]): InventoryDiff {
  const old = new Map(before.map((c) => [c.id, c]));
  const next = new Map(after.map((c) => [c.id, c]));
  const diff: InventoryDiff = { added: [], removed: [], changed: [] };
  for (const c of after) {
    const prev = old.get(c.id);
    if (!prev) {
      diff.added.push(toView(c));
      continue;
    }
    const a = flatten(prev);
    const b = flatten(c);
    const changes: FieldChange[] = Object.keys(b)
      .filter((k) => a[k] !== b[k])
      .map((k) => ({ field: k, before: a[k] ?? '', after: b[k] ?? '' }));
    // A changed password-bearing URL may redact to the same text: still a change.
    if (!changes.length && (prev.streams.main !== c.streams.main || prev.streams.sub !== c.streams.sub)) {
      changes.push({ field: 'streams', before: '(identifiants)', after: '(identifiants modifiés)' });
    }
    if (changes.length) diff.changed.push({ id: c.id, name: c.name, changes });
  }
  for (const c of before) if (!next.has(c.id)) diff.removed.push(toView(c));
  return diff;
}

export const isEmptyDiff = (d: InventoryDiff): boolean =>
  !d.added.length && !d.removed.length && !d.changed.length;
