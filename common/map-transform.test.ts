import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { MapRefPoint } from './contract';
import { planTransform, toPixel } from './map-transform';

const near = (a: number, b: number, eps: number, what: string): void =>
  assert.ok(Math.abs(a - b) <= eps, `${what}: ${a} ≠ ${b} (±${eps})`);

/** A north-up plan, 1 px = 1 m: x grows east, y grows south. */
const LAT0 = 48.85;
const LON0 = 2.35;
const M_PER_DEG_LAT = 111_320;
const mPerDegLon = M_PER_DEG_LAT * Math.cos((LAT0 * Math.PI) / 180);
const ground = (x: number, y: number): { lat: number; lon: number } => ({
  lat: LAT0 - y / M_PER_DEG_LAT,
  lon: LON0 + x / mPerDegLon,
});
const ref = (x: number, y: number): MapRefPoint => ({ x, y, ...ground(x, y) });

test('two points: a similarity puts every other ground point where the plan has it', () => {
  const t = planTransform([ref(100, 100), ref(700, 500)]);
  assert.ok(t.ok);
  for (const [x, y] of [
    [400, 300],
    [0, 0],
    [800, 600],
    [650, 80],
  ] as const) {
    const g = ground(x, y);
    const p = toPixel(t.transform, g.lat, g.lon);
    near(p.x, x, 0.5, 'x');
    near(p.y, y, 0.5, 'y');
  }
});

test('two points on a rotated plan: the similarity rotates, and keeps the plan square', () => {
  // The plan is drawn with north to the right: ground east is plan y up... rotate by 90°.
  const rot = (x: number, y: number): MapRefPoint => ({ x: 500 - y, y: x, ...ground(x, y) });
  const t = planTransform([rot(0, 0), rot(300, 100)]);
  assert.ok(t.ok);
  const g = ground(200, 250);
  const p = toPixel(t.transform, g.lat, g.lon);
  near(p.x, 500 - 250, 0.5, 'x');
  near(p.y, 200, 0.5, 'y');
});

test('three points: an affine transform follows a plan stretched along one axis', () => {
  // The plan is 2 px per metre across and 1 px per metre down.
  const s = (x: number, y: number): MapRefPoint => ({ x: 2 * x, y, ...ground(x, y) });
  const t = planTransform([s(10, 10), s(300, 20), s(50, 400)]);
  assert.ok(t.ok);
  const g = ground(200, 300);
  const p = toPixel(t.transform, g.lat, g.lon);
  near(p.x, 400, 0.5, 'x');
  near(p.y, 300, 0.5, 'y');
  // Two points could not have: a similarity keeps one scale.
  const two = planTransform([s(10, 10), s(300, 20)]);
  assert.ok(two.ok);
  const q = toPixel(two.transform, g.lat, g.lon);
  assert.ok(Math.abs(q.y - 300) > 50, 'a similarity cannot stretch one axis');
});

test('degenerate points are refused: identical, collinear, or not two or three', () => {
  assert.deepEqual(planTransform([]), { ok: false, problem: 'count' });
  assert.deepEqual(planTransform([ref(1, 1)]), { ok: false, problem: 'count' });
  assert.deepEqual(planTransform([ref(1, 1), ref(2, 2), ref(3, 4), ref(5, 5)]), {
    ok: false,
    problem: 'count',
  });
  assert.deepEqual(planTransform([ref(100, 100), ref(100, 100)]), { ok: false, problem: 'identical' });
  // Same ground, different pixels (a slip of the technician's copy-paste).
  assert.deepEqual(planTransform([ref(100, 100), { ...ref(100, 100), x: 600 }]), {
    ok: false,
    problem: 'identical',
  });
  assert.deepEqual(planTransform([ref(0, 0), ref(100, 100), ref(100, 100)]), {
    ok: false,
    problem: 'identical',
  });
  assert.deepEqual(planTransform([ref(0, 0), ref(100, 100), ref(300, 300)]), {
    ok: false,
    problem: 'collinear',
  });
  // Pixels in a line while the ground points are not.
  assert.deepEqual(
    planTransform([ref(0, 0), { ...ref(100, 0), x: 100, y: 100 }, { ...ref(0, 200), x: 200, y: 200 }]),
    {
      ok: false,
      problem: 'collinear',
    },
  );
});
