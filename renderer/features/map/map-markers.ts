/**
 * Pure helpers of the site map: a camera's state for its marker (from the stream statuses the
 * console already has), where a marker goes, and the technician's reference points as typed.
 */
import type { CameraView, StreamStatus, MapRefPoint, MapView } from '../../../common/contract';
import { toPixel } from '../../../common/map-transform';

export type MarkerState = 'playing' | 'stalled' | 'reconnecting' | 'connecting' | 'offline' | 'idle';
const WORST_FIRST: MarkerState[] = ['offline', 'reconnecting', 'stalled', 'connecting'];

/** Playing if any of its streams plays; else its most worrying state; idle when nobody views it. */
export function markerState(statuses: Record<string, StreamStatus>, cameraId: number): MarkerState {
  const mine = Object.values(statuses).filter((s) => s.cameraId === cameraId);
  if (mine.some((s) => s.state === 'playing')) return 'playing';
  return WORST_FIRST.find((w) => mine.some((s) => s.state === w)) ?? 'idle';
}

export function isPlaced(c: CameraView): c is CameraView & { lat: number; lon: number } {
  return typeof c.lat === 'number' && typeof c.lon === 'number';
}

/**
 * Where a camera goes in Leaflet's coordinates: on a plan (L.CRS.Simple, y upwards from the
 * bottom edge) its pixel through the reference points' transform; on tiles its own lat/lon.
 */
export function markerLatLng(view: MapView, lat: number, lon: number): [number, number] | null {
  if (view.kind === 'tiles') return [lat, lon];
  if (view.kind !== 'plan') return null;
  const p = toPixel(view.transform, lat, lon);
  return [view.height - p.y, p.x];
}

/**
 * One point a line, `x y lat lon` (spaces or semicolons; a decimal comma is accepted):
 * the points, or the 1-based number of the first line that does not read.
 */
export function parseRefPoints(
  text: string,
): { ok: true; points: MapRefPoint[] } | { ok: false; line: number } {
  const points: MapRefPoint[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (!line) continue;
    const parts = line.split(/[\s;]+/).map((s) => s.replace(',', '.'));
    const n = parts.map(Number);
    if (parts.length !== 4 || n.some((v) => !Number.isFinite(v))) return { ok: false, line: i + 1 };
    points.push({ x: n[0]!, y: n[1]!, lat: n[2]!, lon: n[3]! });
  }
  return { ok: true, points };
}
