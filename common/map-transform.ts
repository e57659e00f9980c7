/**
 * Ground ↔ plan: the transform a plan's reference points define. Two points give a similarity
 * (rotation, one scale, translation: the plan is not distorted), three an affine transform (a plan
 * drawn with different scales along its axes). Pure, shared by main (which refuses degenerate
 * points at import) and the page (which places the markers).
 */
import type { MapAffine, MapRefPoint } from './contract';

export type TransformProblem = 'count' | 'identical' | 'collinear';
export type TransformResult = { ok: true; transform: MapAffine } | { ok: false; problem: TransformProblem };

/** Two ground points closer than this (degrees, about 1 cm) are the same point. */
const SAME_DEG = 1e-7;
/** Two pixels closer than this are the same pixel. */
const SAME_PX = 1;
/** A triangle whose area is below this share of its longest side squared is flat. */
const FLAT = 1e-3;

const RAD = Math.PI / 180;

export function planTransform(points: readonly MapRefPoint[]): TransformResult {
  if (points.length === 2) return similarity(points[0]!, points[1]!);
  if (points.length === 3) return affine(points[0]!, points[1]!, points[2]!);
  return { ok: false, problem: 'count' };
}

export function toPixel(t: MapAffine, lat: number, lon: number): { x: number; y: number } {
  return { x: t.a * lon + t.b * lat + t.c, y: t.d * lon + t.e * lat + t.f };
}

function similarity(p1: MapRefPoint, p2: MapRefPoint): TransformResult {
  if (
    Math.hypot(p2.lat - p1.lat, p2.lon - p1.lon) < SAME_DEG ||
    Math.hypot(p2.x - p1.x, p2.y - p1.y) < SAME_PX
  )
    return { ok: false, problem: 'identical' };
  // Ground as a local plane: east = lon·cos(lat), and north upwards, which is y downwards on a plan.
  const k = Math.cos(((p1.lat + p2.lat) / 2) * RAD);
  // Complex numbers: pixel = s·ground + t, with ground = u + iv, u = k·lon, v = −lat.
  const du = k * (p2.lon - p1.lon);
  const dv = -(p2.lat - p1.lat);
  const dx = p2.x - p1.x;
  const dy = p2.y - p1.y;
  const n = du * du + dv * dv;
  const p = (dx * du + dy * dv) / n;
  const q = (dy * du - dx * dv) / n;
  // x = p·u − q·v + tx ; y = q·u + p·v + ty
  const a = p * k;
  const b = q;
  const d = q * k;
  const e = -p;
  return {
    ok: true,
    transform: { a, b, c: p1.x - a * p1.lon - b * p1.lat, d, e, f: p1.y - d * p1.lon - e * p1.lat },
  };
}

/** Twice the triangle's area over its longest side squared: 0 for three points on a line. */
function flatness(a: [number, number], b: [number, number], c: [number, number]): number {
  const area = Math.abs((b[0] - a[0]) * (c[1] - a[1]) - (c[0] - a[0]) * (b[1] - a[1]));
  const side = Math.max(
    Math.hypot(b[0] - a[0], b[1] - a[1]),
    Math.hypot(c[0] - a[0], c[1] - a[1]),
    Math.hypot(c[0] - b[0], c[1] - b[1]),
  );
  return area / (side * side);
}

function affine(p1: MapRefPoint, p2: MapRefPoint, p3: MapRefPoint): TransformResult {
  const pts = [p1, p2, p3];
  for (let i = 0; i < 3; i++)
    for (let j = i + 1; j < 3; j++) {
      const [s, t] = [pts[i]!, pts[j]!];
      if (Math.hypot(t.lat - s.lat, t.lon - s.lon) < SAME_DEG || Math.hypot(t.x - s.x, t.y - s.y) < SAME_PX)
        return { ok: false, problem: 'identical' };
    }
  const k = Math.cos(((p1.lat + p2.lat + p3.lat) / 3) * RAD);
  const ground = pts.map((p) => [p.lon * k, p.lat] as [number, number]);
  const pixels = pts.map((p) => [p.x, p.y] as [number, number]);
  if (
    flatness(ground[0]!, ground[1]!, ground[2]!) < FLAT ||
    flatness(pixels[0]!, pixels[1]!, pixels[2]!) < FLAT
  )
    return { ok: false, problem: 'collinear' };
  // Solve [lon lat 1]·(a b c) = x and ·(d e f) = y by Cramer's rule.
  const det = (m: number[][]): number =>
    m[0]![0]! * (m[1]![1]! * m[2]![2]! - m[1]![2]! * m[2]![1]!) -
    m[0]![1]! * (m[1]![0]! * m[2]![2]! - m[1]![2]! * m[2]![0]!) +
    m[0]![2]! * (m[1]![0]! * m[2]![1]! - m[1]![1]! * m[2]![0]!);
  // Centred on the first point, so that degrees near 45° do not swamp the differences.
  const rows = pts.map((p) => [p.lon - p1.lon, p.lat - p1.lat, 1]);
  const D = det(rows);
  const solve = (rhs: number[]): [number, number, number] =>
    [0, 1, 2]
      .map((col) => det(rows.map((r, i) => r.map((v, j) => (j === col ? rhs[i]! : v)))))
      .map((v) => v / D) as [number, number, number];
  const [a, b, c0] = solve(pts.map((p) => p.x));
  const [d, e, f0] = solve(pts.map((p) => p.y));
  return {
    ok: true,
    transform: { a, b, c: c0 - a * p1.lon - b * p1.lat, d, e, f: f0 - d * p1.lon - e * p1.lat },
  };
}
