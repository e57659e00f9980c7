/**
 * Issue 18: 150 `map:plan` requests for a 4 MiB plan built 150 copies of it. The plan and the tiles
 * are now read and encoded once per map, and every caller (an Electron window or a socket) gets the
 * same answer; a new import replaces it.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import type { Result } from '../../../common/result';
import { handleAll, type InvokeEvent } from '../../app/electron/safe-handle';
import { RateLimiter } from '../../platform/ipc/rate-limit';
import { EventHub, Router } from '../../platform/ipc/router';
import { sharedJson } from '../../platform/ipc/shared-answer';
import { Registry } from '../../records/registry/registry';
import { loadOrCreateKeys } from '../../records/registry/registry-key';
import { mapHandlers } from './map-handlers';
import { MapStore } from './map-store';
import { png } from '../../../test-support/desk/png';

const POINTS = [
  { x: 100, y: 100, lat: 48.851, lon: 2.349 },
  { x: 700, y: 500, lat: 48.847, lon: 2.357 },
];

test('the plan is read and encoded once per map, and every caller gets the same answer', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-map-h-'));
  const store = new MapStore(dataDir);
  const registry = new Registry(dataDir, loadOrCreateKeys(dataDir));
  let reads = 0;
  const plan = store.plan.bind(store);
  store.plan = () => (reads++, plan());
  const chef = { login: 't', name: 'T', rank: 'R', service: 'S' };
  const h = mapHandlers({ store, registry, events: new EventHub(), actor: () => chef });
  const ctx = { clientId: 'c' };
  const imp = (w: number) =>
    h['map:import-plan'].handle(
      { fileName: 'p.png', contentBase64: png(w, 600).toString('base64'), points: POINTS },
      ctx,
    );
  assert.ok((await imp(800)).ok);
  const answers = await Promise.all(Array.from({ length: 150 }, () => h['map:plan'].handle(undefined, ctx)));
  assert.equal(reads, 1);
  assert.ok(answers.every((a) => a === answers[0]));
  assert.ok(sharedJson(answers[0]), 'serialized once for the browser host');
  const first = answers[0]!;
  assert.ok(first.ok && first.value);
  assert.deepEqual(Buffer.from(first.value.contentBase64, 'base64'), png(800, 600));

  // A new plan: a new answer, read once again.
  assert.ok((await imp(900)).ok);
  const next = await h['map:plan'].handle(undefined, ctx);
  assert.equal(reads, 2);
  assert.ok(next.ok && next.value);
  assert.deepEqual(Buffer.from(next.value.contentBase64, 'base64'), png(900, 600));

  // Electron's transport: the same router and the same answer object (Electron clones it per call,
  // as it must), and the same rate limit (the map's own, in its def).
  const listeners = new Map<string, (e: InvokeEvent, payload: unknown) => Promise<Result<unknown>>>();
  const router = new Router(h);
  handleAll({ handle: (channel, l) => listeners.set(channel, l) }, router, () => undefined);
  const invoke = listeners.get('map:plan')!;
  const win = { senderFrame: { url: 'app://vigie/index.html', parent: null }, sender: { id: 1 } };
  const viaElectron = await Promise.all(Array.from({ length: 6 }, () => invoke(win, undefined)));
  assert.equal(viaElectron[0], next);
  assert.deepEqual(
    viaElectron.map((r) => (r.ok ? 'ok' : r.error.code)),
    ['ok', 'ok', 'ok', 'ok', 'too_many_requests', 'too_many_requests'],
  );
  assert.equal(reads, 2);
  registry.close();
});

test('a page opening the map gets its screen of tiles', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-map-t-'));
  const h = mapHandlers({
    store: new MapStore(dataDir),
    registry: {} as Registry,
    events: new EventHub(),
    actor: () => null,
  });
  const limits = new RateLimiter({ 'map:tile': h['map:tile'].limit }, () => 0);
  const tiles = Array.from({ length: 120 }, () => limits.take('page', 'map:tile'));
  assert.ok(tiles.every(Boolean));
});
