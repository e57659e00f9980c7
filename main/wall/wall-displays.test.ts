/** Issue 9: who may open the wall page (the wall key), and what such a page may receive. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Registry } from '../registry/registry';
import { loadOrCreateKeys } from '../registry/registry-key';
import { AuthService } from '../auth/auth-service';
import { OperatorStore } from '../auth/operator-store';
import { WALL_KEY_FILE, WallDisplays, loadOrCreateWallKey } from './wall-displays';

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
  let t = 0;
  const d = new WallDisplays(
    'k'.repeat(43),
    (tok) => revoked.push(tok),
    () => t,
  );
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
  // Guessing is slowed down: past 5 tries in a second, even the right key waits.
  t = 10_000;
  for (let i = 0; i < 5; i++) d.open(`g${i}`, `guess-${i}`);
  assert.equal(d.open('late', 'k'.repeat(43)).ok, false);
  t = 11_001;
  assert.equal(d.open('late', 'k'.repeat(43)).ok, true);
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
  const auth = new AuthService(new OperatorStore(dir), new Registry(dir, loadOrCreateKeys(dir)), {
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
  assert.equal(auth.mayReceive('wall-page', 'wall:changed', null), true);
  assert.equal(auth.mayReceive('wall-page', 'streams:status', null), true);
  assert.equal(auth.mayReceive('wall-page', 'layout:changed', null), false);
  assert.equal(auth.mayReceive('stranger', 'wall:changed', null), false);
  auth.logout('wall-page', 'disconnect');
  assert.equal(displays.has('wall-page'), false);
});
