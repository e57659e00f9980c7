import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { RegistryInput } from '../../../records/registry/registry';
import { loadProfile } from '../display/profile';
import { ProfileDisplay } from '../display/profile-display';
import { CERT_FILE, KEY_FILE, loadOrCreateIdentity, normalizeFingerprint } from './identity';
import { ALICE, TestWall, identities, tmpDir, until } from '../../../../test-support/video/wall-link';
import { RemoteWallController } from './remote-controller';
import { startWallNode, type LinkSecurityEvent } from './wall-node';
import { checkWall } from '../../../app/selftest/check-wall';

test('a post’s identity is made once, kept private, and named by its SHA-256 fingerprint', async () => {
  const dir = tmpDir();
  const first = await loadOrCreateIdentity(dir);
  assert.equal(first.created, true);
  assert.match(first.fingerprint, /^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
  for (const f of [KEY_FILE, CERT_FILE]) assert.equal(fs.statSync(path.join(dir, f)).mode & 0o777, 0o600);
  const again = await loadOrCreateIdentity(dir);
  assert.equal(again.created, false);
  assert.equal(again.fingerprint, first.fingerprint);
  // The technician may copy it with or without colons, in any case.
  const bare = first.fingerprint.replace(/:/g, '').toLowerCase();
  assert.equal(normalizeFingerprint(bare), first.fingerprint);
  assert.equal(normalizeFingerprint(` ${first.fingerprint.toLowerCase()} `), first.fingerprint);
  assert.equal(normalizeFingerprint(bare.slice(2)), null);
  assert.equal(normalizeFingerprint('zz' + bare.slice(2)), null);
});

test('a paired console drives the wall, sees its pushes, and the node records who', async (t) => {
  const ids = await identities();
  const wall = new TestWall();
  let shown: ('empty' | 'playing' | 'connecting')[] = ['empty', 'empty'];
  const node = await startWallNode({
    host: '127.0.0.1',
    port: 0,
    ...ids.node,
    peerPin: ids.console.fingerprint,
    controller: wall,
    shown: () => shown,
    shownEveryMs: 20,
  });
  t.after(() => node.close());
  const remote = new RemoteWallController({
    host: '127.0.0.1',
    port: node.port,
    pin: ids.node.fingerprint,
    ...ids.console,
  });
  t.after(() => remote.close());
  assert.equal(remote.kind, 'remote');
  await until(() => remote.link() === 'up', 5000, 'link up');
  assert.equal(remote.state()?.rev, 0);
  assert.equal(remote.info(), null, 'no display configured on the node');

  const r = await remote.apply({ kind: 'tile', index: 2, cameraId: 7 }, ALICE);
  assert.ok(r.ok);
  assert.equal(r.value.tiles[2]?.cameraId, 7);
  assert.deepEqual(wall.applied, [{ cmd: { kind: 'tile', index: 2, cameraId: 7 }, by: 'alice' }]);
  assert.equal(remote.state()?.tiles[2]?.by, 'alice');

  // A change made on the node (a tour step, another command) reaches the console unasked.
  const seen: number[] = [];
  remote.onChange((s) => s && seen.push(s.rev));
  await wall.apply({ kind: 'layout', layout: '3x3' }, ALICE);
  await until(() => remote.state()?.layout === '3x3', 5000, 'pushed state');
  assert.ok(seen.includes(2));
  // What the wall page shows reaches the console's miniature.
  await until(() => remote.shown().join() === 'empty,empty', 5000, 'first shown');
  shown = ['connecting', 'playing'];
  await until(() => remote.shown().join() === 'connecting,playing', 5000, 'shown relayed');
  const d = await remote.send({ kind: 'power', on: true }, ALICE);
  assert.deepEqual(d, { ok: false, error: { code: 'display_not_configured' } });
});

test('a console pinning another fingerprint refuses the node, says its own pin is wrong, and sends nothing', async (t) => {
  const ids = await identities();
  const wall = new TestWall();
  const node = await startWallNode({
    host: '127.0.0.1',
    port: 0,
    ...ids.node,
    peerPin: ids.console.fingerprint,
    controller: wall,
  });
  t.after(() => node.close());
  const remote = new RemoteWallController({
    host: '127.0.0.1',
    port: node.port,
    pin: ids.other.fingerprint,
    ...ids.console,
  });
  t.after(() => remote.close());
  await until(() => remote.link() === 'wall-pin-mismatch', 5000, 'refused by this console');
  const r = await remote.apply({ kind: 'tile', index: 0, cameraId: 1 }, ALICE);
  assert.deepEqual(r, {
    ok: false,
    error: { code: 'wall_unreachable', params: { reason: 'wall_pin_mismatch' } },
  });
  assert.equal(remote.state(), null);
  assert.deepEqual(wall.applied, []);
});

test('a node pinning another console refuses it, logs it, and the console learns the wall refused it', async (t) => {
  const ids = await identities();
  const wall = new TestWall();
  const events: LinkSecurityEvent[] = [];
  const node = await startWallNode({
    host: '127.0.0.1',
    port: 0,
    ...ids.node,
    peerPin: ids.other.fingerprint,
    controller: wall,
    onSecurityEvent: (e) => events.push(e),
  });
  t.after(() => node.close());
  const remote = new RemoteWallController({
    host: '127.0.0.1',
    port: node.port,
    pin: ids.node.fingerprint,
    ...ids.console,
  });
  t.after(() => remote.close());
  await until(() => remote.link() === 'refused-by-wall', 5000, 'refused by the wall');
  const r = await remote.apply({ kind: 'tile', index: 0, cameraId: 1 }, ALICE);
  assert.deepEqual(r, {
    ok: false,
    error: { code: 'wall_unreachable', params: { reason: 'refused_by_wall' } },
  });
  assert.equal(events[0]?.kind, 'refused-pin');
  assert.equal(events[0]?.kind === 'refused-pin' && events[0].fingerprint, ids.console.fingerprint);
  assert.equal(remote.state(), null, 'the refused console learns nothing of the wall');
  assert.deepEqual(wall.applied, []);
});

test('the console reconnects after the node restarts and adopts its wall without pushing', async (t) => {
  const ids = await identities();
  const wall = new TestWall();
  await wall.apply({ kind: 'tile', index: 0, cameraId: 3 }, ALICE);
  const opts = {
    host: '127.0.0.1',
    port: 0,
    ...ids.node,
    peerPin: ids.console.fingerprint,
    controller: wall,
  };
  let node = await startWallNode(opts);
  const port = node.port;
  const remote = new RemoteWallController({
    host: '127.0.0.1',
    port,
    pin: ids.node.fingerprint,
    ...ids.console,
    backoffMinMs: 50,
    backoffMaxMs: 200,
  });
  t.after(() => remote.close());
  const links: string[] = [];
  remote.onChange((_s, l) => links.push(l));
  await until(() => remote.link() === 'up', 5000, 'up');
  await node.close();
  await until(() => remote.link() !== 'up', 5000, 'down');
  assert.equal(remote.state()?.tiles[0]?.cameraId, 3, 'state() is the last known while down');
  const r = await remote.apply({ kind: 'tile', index: 1, cameraId: 4 }, ALICE);
  assert.deepEqual(r, { ok: false, error: { code: 'wall_unreachable' } });
  // Meanwhile the wall changed on its own; the console must take it, not overwrite it.
  await wall.apply({ kind: 'tile', index: 5, cameraId: 9 }, ALICE);
  node = await startWallNode({ ...opts, port });
  t.after(() => node.close());
  await until(() => remote.link() === 'up', 5000, 'up again');
  assert.equal(remote.state()?.tiles[5]?.cameraId, 9);
  assert.equal(remote.state()?.tiles[0]?.cameraId, 3);
  assert.equal(wall.applied.length, 2, 'the console sent nothing on reconnecting');
  assert.deepEqual(links.slice(0, 3), ['up', 'down', 'connecting']);
  assert.equal(links.at(-1), 'up');
});

test('the node keeps its wall while the console is gone', async (t) => {
  const ids = await identities();
  const wall = new TestWall();
  const node = await startWallNode({
    host: '127.0.0.1',
    port: 0,
    ...ids.node,
    peerPin: ids.console.fingerprint,
    controller: wall,
  });
  t.after(() => node.close());
  const remote = new RemoteWallController({
    host: '127.0.0.1',
    port: node.port,
    pin: ids.node.fingerprint,
    ...ids.console,
  });
  await until(() => remote.link() === 'up');
  await remote.apply({ kind: 'tile', index: 0, cameraId: 12 }, ALICE);
  const before = wall.state();
  await remote.close();
  await new Promise((r) => setTimeout(r, 200));
  assert.deepEqual(wall.state(), before);
  // A restarted console reads the same wall.
  const again = new RemoteWallController({
    host: '127.0.0.1',
    port: node.port,
    pin: ids.node.fingerprint,
    ...ids.console,
  });
  t.after(() => again.close());
  await until(() => again.link() === 'up');
  assert.equal(again.state()?.tiles[0]?.cameraId, 12);
  assert.equal(wall.applied.length, 1);
});

test('display commands travel over the link to the rack PC’s display, recorded there', async (t) => {
  const ids = await identities();
  const got: Buffer[] = [];
  const display = net.createServer((s) => {
    s.on('error', () => undefined);
    s.on('data', (b) => {
      got.push(b);
      s.write(Buffer.from('fe01000607ff', 'hex'));
    });
  });
  await new Promise<void>((r) => display.listen(0, '127.0.0.1', () => r()));
  t.after(() => new Promise<void>((r) => display.close(() => r())));
  const profiles = path.resolve(__dirname, '..', '..', '..', '..', 'assets', 'displays');
  const barco = await loadProfile('barco-rlm', [profiles]);
  assert.ok(!('problem' in barco));
  const records: RegistryInput[] = [];
  const local = new ProfileDisplay(
    { ...barco, transport: { kind: 'tcp', port: 1 } },
    { kind: 'tcp', host: '127.0.0.1', port: (display.address() as net.AddressInfo).port },
    (e) => records.push(e),
  );
  const node = await startWallNode({
    host: '127.0.0.1',
    port: 0,
    ...ids.node,
    peerPin: ids.console.fingerprint,
    controller: new TestWall(),
    display: local,
  });
  t.after(() => node.close());
  const remote = new RemoteWallController({
    host: '127.0.0.1',
    port: node.port,
    pin: ids.node.fingerprint,
    ...ids.console,
  });
  t.after(() => remote.close());
  await until(() => remote.link() === 'up');
  assert.deepEqual(remote.info()?.inputs, ['DVI', 'SDI', 'D15']);
  assert.deepEqual(await remote.send({ kind: 'input', name: 'D15' }, ALICE), { ok: true, value: null });
  assert.equal(Buffer.concat(got).toString('hex'), 'fe013802003bff');
  assert.equal(records[0]?.actor?.login, 'alice');
  const bad = await remote.send({ kind: 'scenario', name: 'Salle de crise' }, ALICE);
  assert.deepEqual(bad, {
    ok: false,
    error: { code: 'display_failed', params: { reason: 'unknown_command', model: 'barco-rlm' } },
  });
});

test('the self-test reports the paired wall: up with its fingerprint, which pin refuses, unreachable when down', async (t) => {
  const ids = await identities();
  const node = await startWallNode({
    host: '127.0.0.1',
    port: 0,
    ...ids.node,
    peerPin: ids.console.fingerprint,
    controller: new TestWall(),
  });
  t.after(() => node.close());
  // The node pins the console: another post with the right --wall-pin is refused by the wall.
  const stranger = new RemoteWallController({
    host: '127.0.0.1',
    port: node.port,
    pin: ids.node.fingerprint,
    ...ids.other,
  });
  const paired = new RemoteWallController({
    host: '127.0.0.1',
    port: node.port,
    pin: ids.node.fingerprint,
    ...ids.console,
  });
  const wrongPin = new RemoteWallController({
    host: '127.0.0.1',
    port: node.port,
    pin: ids.console.fingerprint,
    ...ids.console,
  });
  const gone = new RemoteWallController({
    host: '127.0.0.1',
    port: 9,
    pin: ids.node.fingerprint,
    ...ids.console,
  });
  t.after(() => Promise.all([paired.close(), wrongPin.close(), gone.close(), stranger.close()]));
  await until(() => paired.link() === 'up', 5000, 'link up');
  await until(() => wrongPin.link() === 'wall-pin-mismatch', 5000, 'pin refused');
  await until(() => stranger.link() === 'refused-by-wall', 5000, 'refused by the wall');
  const up = checkWall(paired)[0]!;
  assert.deepEqual([up.status, up.code, up.params?.fingerprint], ['pass', 'wall_up', ids.node.fingerprint]);
  assert.deepEqual(
    [checkWall(wrongPin)[0]!.status, checkWall(wrongPin)[0]!.code],
    ['fail', 'wall_pin_mismatch'],
  );
  assert.deepEqual(
    [checkWall(stranger)[0]!.status, checkWall(stranger)[0]!.code],
    ['fail', 'wall_refused_by_wall'],
  );
  assert.deepEqual([checkWall(gone)[0]!.status, checkWall(gone)[0]!.code], ['fail', 'wall_unreachable']);
  assert.equal(checkWall(new TestWall())[0]!.code, 'wall_none', 'a wall on this PC has no link to check');
});
