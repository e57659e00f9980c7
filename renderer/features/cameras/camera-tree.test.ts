import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cameraTree } from './camera-tree';

test('camera tree groups by site and zone and searches name, site and number', () => {
  const cams = [
    { id: 1, name: 'Parvis', site: 'Mairie', zone: 'Nord', hasSub: false, ptz: null },
    { id: 12, name: 'Quai', site: 'Gare', zone: 'Quais', hasSub: false, ptz: null },
    { id: 2, name: 'Parking', site: 'Mairie', zone: 'Sud', hasSub: false, ptz: null },
  ];
  assert.deepEqual(
    cameraTree(cams, '').map((s) => [s.site, s.zones.length]),
    [
      ['Mairie', 2],
      ['Gare', 1],
    ],
  );
  assert.deepEqual(
    cameraTree(cams, 'gare').flatMap((s) => s.zones.flatMap((z) => z.cameras.map((c) => c.id))),
    [12],
  );
  assert.deepEqual(
    cameraTree(cams, '1').flatMap((s) => s.zones.flatMap((z) => z.cameras.map((c) => c.id))),
    [1, 12],
  );
  assert.deepEqual(
    cameraTree(cams, 'PARK').flatMap((s) => s.zones.flatMap((z) => z.cameras.map((c) => c.id))),
    [2],
  );
});
