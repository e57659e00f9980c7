import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadOrCreateKeys } from './registry-key';
import { Registry } from './registry';

const who = { login: 'agent', name: 'Léa Moreau', rank: 'GPX', service: 'CIC Nord' };

test('at start, the sessions the previous run left open are closed as interrupted, once, with their operator', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-orphans-'));
  const reg = new Registry(dir, loadOrCreateKeys(dir));
  const view = (type: 'view.start' | 'view.end', viewId: string, cameraId: number) =>
    reg.append({ type, actor: who, cameraId, surface: 'console-tile', data: { viewId } });
  reg.append({ type: 'app.start' });
  view('view.start', 'a', 1);
  view('view.start', 'b', 2);
  view('view.end', 'a', 1);
  view('view.start', 'c', 3);
  reg.append({ type: 'app.start' }); // the post restarts after a crash
  assert.equal(reg.closeOrphanViews(), 2);
  const ends = reg.query({ types: ['view.end'] }).slice(1);
  assert.deepEqual(
    ends.map((r) => [r.cameraId, r.login, r.name, r.surface, JSON.parse(r.data)]),
    [
      [2, 'agent', 'Léa Moreau', 'console-tile', { viewId: 'b', interrupted: true }],
      [3, 'agent', 'Léa Moreau', 'console-tile', { viewId: 'c', interrupted: true }],
    ],
  );
  reg.append({ type: 'app.start' });
  assert.equal(reg.closeOrphanViews(), 0);
  assert.ok(reg.verify().ok);
  reg.close();
});
