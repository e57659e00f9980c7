/**
 * Issue 19: the post's modules, as services.ts composes them, answer every channel of the contract
 * with exactly one def (its right, its schema, its handler) and give every push exactly one rule.
 * mergeModules refuses a channel or a push declared twice, by no module, or not in the contract.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CHANNELS, EVENT_NAMES } from '../../common/contract';
import { PERMISSIONS } from '../../common/roles';
import { mergeModules } from '../platform/ipc/module';
import { createServices } from './services';

const ASSETS = path.resolve(__dirname, '..', '..', 'assets');
const RULES = new Set<string>([...PERMISSIONS, 'public', 'session', 'locked-ok', 'wall-display']);

test('the composed post: every channel one def, every push one rule', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-modules-'));
  const s = await createServices({ dataDir, assetsDir: ASSETS, host: 'browser', version: 't' });
  try {
    const { defs, events } = s.modules;
    assert.deepEqual(Object.keys(defs).sort(), [...CHANNELS].sort());
    for (const channel of CHANNELS) {
      const def = defs[channel];
      assert.ok(RULES.has(def.access), `${channel}: ${def.access}`);
      assert.equal(typeof def.handle, 'function', channel);
      assert.equal(typeof def.input.safeParse, 'function', channel);
    }
    assert.deepEqual(Object.keys(events).sort(), [...EVENT_NAMES].sort());
    for (const event of EVENT_NAMES) assert.ok(RULES.has(events[event]), `${event}: ${events[event]}`);

    // The merge itself: twice, missing, or unknown is an error, named.
    const all = { handlers: defs, events };
    const twice = {
      handlers: { 'map:tile': defs['map:tile'] },
      events: { 'map:changed': 'session' as const },
    };
    assert.throws(() => mergeModules([all, twice]), /declared by two modules: map:tile, map:changed/);
    const { 'map:tile': _t, ...noTile } = defs;
    const { 'jobs:progress': _j, ...noJobs } = events;
    assert.throws(
      () => mergeModules([{ handlers: noTile, events: noJobs }]),
      /by no module: map:tile, jobs:progress/,
    );
    const stranger = { handlers: { 'map:erase': defs['map:tile'] } as never, events: {} };
    assert.throws(() => mergeModules([all, stranger]), /not in the contract: map:erase/);
    assert.doesNotThrow(() => mergeModules([all]));
  } finally {
    await s.close();
  }
});
