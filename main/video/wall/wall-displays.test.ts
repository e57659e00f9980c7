/** Issue 9: who may open the wall page (the wall key), and what such a page may receive. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Registry } from '../../records/registry/registry';
import { loadOrCreateKeys } from '../../records/registry/registry-key';
import { AuthService } from '../../records/auth/auth-service';
import { SqliteOperatorStore } from '../../records/auth/operator-store';
import { layoutEvents } from '../mosaic/mosaic-handlers';
import { streamsEvents } from '../streams/streams-handlers';
import { WALL_KEY_FILE, WallDisplays, loadOrCreateWallKey, wallPagePushes } from './wall-displays';
import { wallEvents } from './wall-handlers';

test('the wall key is made once, kept private, and a malformed one is replaced', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-wallkey-'));
  const key = loadOrCreateWallKey(dir);
  assert.match(key, /^[A-Za-z0-9_-]{43}$/);
  assert.equal(fs.statSync(path.join(dir, WALL_KEY_FILE)).mode & 0o777, 0o600);
  assert.equal(loadOrCreateWallKey(dir), key);
  fs.writeFileSync(path.join(dir, WALL_KEY_FILE), 'short');
  assert.notEqual(loadOrCreateWallKey(dir), key);
});

test('a page with the key gets its own video token for wall tiles only; without it, nothing', () => {
  const revoked: string[] = [];
  const d = new WallDisplays('k'.repeat(43), (tok) => revoked.push(tok));
  assert.equal(d.kioskUrl('http://127.0.0.1:5780/'), `http://127.0.0.1:5780/wall#key=${'k'.repeat(43)}`);
  const bad = d.open('c1', 'x'.repeat(43));
  assert.equal(bad.ok ? '' : bad.error.code, 'wall_key_refused');
  assert.equal(d.has('c1'), false);
  const good = d.open('c2', 'k'.repeat(43));
  assert.ok(good.ok);
  assert.equal(d.has('c2'), true);
  // The same page presenting the key again keeps its token (no blanking).
  assert.deepEqual(d.open('c2', 'k'.repeat(43)), good);
  assert.deepEqual(d.authorizeVideo(good.value), { clientId: 'c2', actor: null, surface: 'wall-tile' });
  assert.equal(d.authorizeVideo('k'.repeat(43)), null, 'the key itself is not a video token');
  // Wrong keys are counted per client: a client's third wrong key asks to close it, and no
  // number of wrong keys from other clients, however fast, keeps the right key out.
  const closes: string[] = [];
  const closer = (id: string) => () => closes.push(id);
  for (let i = 0; i < 500; i++)
    assert.equal(d.open(`g${i % 10}`, `guess-${i}`, closer(`g${i % 10}`)).ok, false);
  assert.deepEqual([...new Set(closes)].sort(), Array.from({ length: 10 }, (_, i) => `g${i}`).sort());
  assert.ok(d.open('late', 'k'.repeat(43), closer('late')).ok, 'the right key, at once');
  assert.ok(!closes.includes('late'));
  let soloClosed = 0;
  const solo = (key: string) => d.open('solo', key, () => soloClosed++).ok;
  assert.equal(solo('w1') || solo('w2'), false);
  assert.equal(soloClosed, 0, 'two wrong keys: not closed yet');
  assert.equal(solo('w3'), false);
  assert.equal(soloClosed, 1, 'closed on the third');
  // A client that goes is forgotten: its next connection starts again from zero.
  d.forget('solo');
  assert.equal(solo('w4'), false);
  assert.equal(soloClosed, 1);
  // The page goes: its token is revoked at once and no longer authorizes; the console hears of it.
  let left = 0;
  d.onLeave(() => left++);
  assert.equal(d.forget('c2'), true);
  assert.equal(left, 1);
  assert.equal(d.forget('c2'), false);
  assert.equal(left, 1);
  assert.deepEqual(revoked, [good.value]);
  assert.equal(d.authorizeVideo(good.value), null);
});

test('a wall page gets the wall pushes only, no operator channel, and leaves with its socket', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-wallauth-'));
  const displays = new WallDisplays('k'.repeat(43), () => undefined);
  const auth = new AuthService(new SqliteOperatorStore(dir), new Registry(dir, loadOrCreateKeys(dir)), {
    isDemo: () => false,
    lockAfterSeconds: 60,
    onRevoke: () => undefined,
    displays,
  });
  assert.ok(displays.open('wall-page', 'k'.repeat(43)).ok);
  assert.equal(auth.check('wall-page', 'wall-display'), null);
  assert.equal(auth.check('stranger', 'wall-display')?.error.code, 'forbidden');
  for (const need of ['view', 'wall', 'session', 'registry'] as const)
    assert.equal(auth.check('wall-page', need)?.error.code, 'unauthenticated', need);
  const rules = { ...wallEvents, ...streamsEvents, ...layoutEvents };
  const mayReceive = wallPagePushes(displays, (c, e, t) =>
    auth.mayReceive(c, rules[e as keyof typeof rules], t),
  );
  assert.equal(mayReceive('wall-page', 'wall:changed', null), true);
  assert.equal(mayReceive('wall-page', 'streams:status', null), true);
  assert.equal(mayReceive('wall-page', 'layout:changed', null), false);
  assert.equal(mayReceive('stranger', 'wall:changed', null), false);
  auth.logout('wall-page', 'disconnect');
  assert.equal(displays.has('wall-page'), false);
});
