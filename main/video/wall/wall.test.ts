/** Issue 9: the wall's state model, its tours on an injected clock, and the local controller. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { WallState } from '../../../common/wall';
import type { RegistryActor } from '../../records/registry/registry';
import { LocalWallController, WALL_STATE_FILE } from './local-controller';
import { TourEngine } from './tours';
import { applyCommand, emptyWall, parseWallState, reconcileWall } from './wall-state';

const known = (id: number): boolean => id >= 1 && id <= 20;
const ANNE: RegistryActor = { login: 'anne', name: 'Anne Mur', rank: 'Brigadier', service: 'CIC' };
const PAUL: RegistryActor = { login: 'paul', name: 'Paul Roc', rank: 'Major', service: 'CIC' };

function must(r: ReturnType<typeof applyCommand>): WallState {
  assert.ok(r.ok, JSON.stringify(r));
  return r.value;
}

test('commands change the wall and its revision; a refused one changes nothing', () => {
  const w0 = emptyWall();
  const w1 = must(applyCommand(w0, { kind: 'layout', layout: '1+12' }, 'anne', known));
  assert.equal(w1.layout, '1+12');
  assert.equal(w1.rev, 1);
  const w2 = must(applyCommand(w1, { kind: 'tile', index: 12, cameraId: 7 }, 'anne', known));
  assert.deepEqual(w2.tiles[12], { cameraId: 7, by: 'anne', tour: null });
  // Unknown camera, bad index, bad layout: refused with a code, the state object untouched.
  for (const cmd of [
    { kind: 'tile', index: 0, cameraId: 99 },
    { kind: 'tile', index: 16, cameraId: 1 },
    { kind: 'tile', index: -1, cameraId: 1 },
    { kind: 'layout', layout: '5x5' },
    { kind: 'tour', index: 0, tour: { cameras: [1], dwellSeconds: 10 } },
    { kind: 'tour', index: 0, tour: { cameras: [1, 2], dwellSeconds: 1 } },
    { kind: 'tour', index: 0, tour: { cameras: [1, 99], dwellSeconds: 10 } },
    { kind: 'push', layout: '4x4', tiles: [{ cameraId: 404, tour: null }] },
  ] as const) {
    const r = applyCommand(w2, cmd as never, 'anne', known);
    assert.equal(r.ok, false, JSON.stringify(cmd));
  }
  assert.equal(applyCommand(w2, { kind: 'tile', index: 0, cameraId: 99 }, 'x', known).ok, false);
  assert.equal(w2.rev, 2);
  // A push replaces the whole wall, padded to 16 tiles, and names who pushed.
  const w3 = must(
    applyCommand(
      w2,
      {
        kind: 'push',
        layout: '2x2',
        tiles: [
          { cameraId: 3, tour: null },
          { cameraId: null, tour: null },
        ],
      },
      'paul',
      known,
    ),
  );
  assert.equal(w3.tiles.length, 16);
  assert.deepEqual(w3.tiles[0], { cameraId: 3, by: 'paul', tour: null });
  assert.equal(w3.tiles[12]?.cameraId, null);
  // A hold changes nothing.
  assert.equal(must(applyCommand(w3, { kind: 'hold', index: 0 }, 'paul', known)), w3);
});

test('a stored wall is read defensively, and cameras gone from the inventory leave it', () => {
  for (const raw of [null, 42, 'x', {}, { layout: '9x9', tiles: [] }, { layout: '2x2' }])
    assert.equal(parseWallState(raw), null);
  const s = parseWallState({
    layout: '2x2',
    rev: -4,
    tiles: [
      { cameraId: 3, by: 'anne' },
      { cameraId: 'x' },
      { tour: { cameras: [5, 6], dwellSeconds: 5 } },
      7,
    ],
  });
  assert.ok(s);
  assert.equal(s.rev, 0);
  assert.equal(s.tiles.length, 16);
  assert.deepEqual(s.tiles[0], { cameraId: 3, by: 'anne', tour: null });
  assert.equal(s.tiles[1]?.cameraId, null);
  assert.equal(s.tiles[2]?.cameraId, 5);
  assert.equal(s.tiles[3]?.cameraId, null);
  const r = reconcileWall(s, (id) => id !== 3);
  assert.equal(r.tiles[0]?.cameraId, null);
  assert.equal(r.rev, 1);
  assert.equal(
    reconcileWall(r, (id) => id !== 3),
    r,
    'nothing to drop: same object',
  );
});

test('a tour shows each camera for its dwell, pauses while held, and resumes after the timeout', () => {
  let wall = must(
    applyCommand(
      emptyWall(),
      { kind: 'tour', index: 2, tour: { cameras: [4, 5, 6], dwellSeconds: 10 } },
      'anne',
      known,
    ),
  );
  assert.equal(wall.tiles[2]?.cameraId, 4);
  const tours = new TourEngine(30_000);
  tours.sync(wall, 0);
  assert.deepEqual(tours.due(9_999), []);
  assert.deepEqual(tours.due(10_000), [{ index: 2, cameraId: 5 }]);
  assert.deepEqual(tours.due(15_000), []);
  // An operator works on the tile at 15 s: nothing moves for 30 s.
  tours.hold(2, 15_000);
  assert.deepEqual(tours.held(), [2]);
  assert.deepEqual(tours.due(20_000), []);
  assert.deepEqual(tours.due(44_999), []);
  // Resumed at 45 s: the current camera gets a full dwell, then the tour goes on and wraps.
  assert.deepEqual(tours.due(45_000), []);
  assert.deepEqual(tours.held(), []);
  assert.deepEqual(tours.due(55_000), [{ index: 2, cameraId: 6 }]);
  assert.deepEqual(tours.due(65_000), [{ index: 2, cameraId: 4 }]);
  // A camera called onto the tile ends its tour.
  wall = must(applyCommand(wall, { kind: 'tile', index: 2, cameraId: 9 }, 'anne', known));
  tours.sync(wall, 70_000);
  assert.deepEqual(tours.due(1e9), []);
});

test('the local controller: tours on its clock, who put each camera there, the last layout kept', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-wall-'));
  const clock = { t: 1_000_000 };
  const ctrl = new LocalWallController({
    dataDir: dir,
    known,
    now: () => clock.t,
    tickMs: 0,
    holdMs: 20_000,
  });
  const seen: number[] = [];
  ctrl.onChange((s) => seen.push(s?.rev ?? -1));
  assert.equal(ctrl.link(), 'local');
  assert.ok((await ctrl.apply({ kind: 'tile', index: 0, cameraId: 3 }, ANNE)).ok);
  assert.ok(
    (await ctrl.apply({ kind: 'tour', index: 1, tour: { cameras: [7, 8], dwellSeconds: 5 } }, PAUL)).ok,
  );
  assert.deepEqual(ctrl.viewerOf(3), ANNE);
  assert.deepEqual(ctrl.viewerOf(7), PAUL);
  assert.equal(ctrl.viewerOf(12), null);
  clock.t += 5_000;
  ctrl.tick();
  assert.equal(ctrl.state().tiles[1]?.cameraId, 8);
  assert.deepEqual(ctrl.viewerOf(8), PAUL, 'a tour step keeps who set the tour');
  // Held by an operator: no step until 20 s after the hold.
  assert.ok((await ctrl.apply({ kind: 'hold', index: 1 }, ANNE)).ok);
  clock.t += 10_000;
  ctrl.tick();
  assert.equal(ctrl.state().tiles[1]?.cameraId, 8);
  assert.deepEqual(seen, [1, 2, 3]);
  // Refused: nothing changes, nothing is reported.
  assert.equal((await ctrl.apply({ kind: 'tile', index: 0, cameraId: 404 }, ANNE)).ok, false);
  assert.deepEqual(seen, [1, 2, 3]);
  await ctrl.close();

  // A restart finds the same wall and the same operators.
  const again = new LocalWallController({ dataDir: dir, known, tickMs: 0 });
  assert.deepEqual(again.state(), ctrl.state());
  assert.deepEqual(again.viewerOf(3), ANNE);
  await again.close();
  // A camera removed from the inventory leaves the restarted wall.
  const fewer = new LocalWallController({ dataDir: dir, known: (id) => id !== 3, tickMs: 0 });
  assert.equal(fewer.state().tiles[0]?.cameraId, null);
  await fewer.close();
  // A corrupt file: the wall starts empty, the post starts.
  fs.writeFileSync(path.join(dir, WALL_STATE_FILE), '{"state": [garbage');
  const fresh = new LocalWallController({ dataDir: dir, known, tickMs: 0 });
  assert.deepEqual(fresh.state(), emptyWall());
  await fresh.close();
});
