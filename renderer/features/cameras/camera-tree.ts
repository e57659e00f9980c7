import type { CameraView } from '../../../common/contract';

/** Site → zone → cameras, filtered by name, site, zone or number. */
export function cameraTree(
  cameras: CameraView[],
  search: string,
): { site: string; zones: { zone: string; cameras: CameraView[] }[] }[] {
  const q = search.trim().toLocaleLowerCase('fr');
  const match = (c: CameraView): boolean =>
    !q ||
    String(c.id) === q ||
    String(c.id).startsWith(q) ||
    [c.name, c.site, c.zone].some((s) => s.toLocaleLowerCase('fr').includes(q));
  const sites = new Map<string, Map<string, CameraView[]>>();
  for (const c of cameras.filter(match)) {
    const zones = sites.get(c.site) ?? new Map<string, CameraView[]>();
    zones.set(c.zone, [...(zones.get(c.zone) ?? []), c]);
    sites.set(c.site, zones);
  }
  return [...sites].map(([site, zones]) => ({
    site,
    zones: [...zones].map(([zone, cams]) => ({ zone, cameras: cams })),
  }));
}
