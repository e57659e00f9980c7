/** Hostile peers against the wall node, from outside: none may stop it or touch its wall. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import tls from 'node:tls';
import { FrameReader, encodeFrame } from './frames';
import type { LinkIdentity } from './identity';
import { ALICE, TestWall, identities, until } from '../../../../test-support/video/wall-link';
import { RemoteWallController } from './remote-controller';
import { startWallNode, type LinkSecurityEvent } from './wall-node';

type Ids = Awaited<ReturnType<typeof identities>>;

async function setup(t: { after: (fn: () => unknown) => void }) {
  const ids = await identities();
  const wall = new TestWall();
  const events: LinkSecurityEvent[] = [];
  const node = await startWallNode({
    host: '127.0.0.1',
    port: 0,
    ...ids.node,
    peerPin: ids.console.fingerprint,
    controller: wall,
    onSecurityEvent: (e) => events.push(e),
    handshakeMs: 300,
  });
  t.after(() => node.close());
  return { ids, wall, events, node };
}

/** The node still serves its paired console: connects and applies one command. */
async function stillAnswers(ids: Ids, port: number, cameraId: number): Promise<void> {
  const remote = new RemoteWallController({
    host: '127.0.0.1',
    port,
    pin: ids.node.fingerprint,
    ...ids.console,
  });
  try {
    await until(() => remote.link() === 'up', 5000, 'paired console up');
    const r = await remote.apply({ kind: 'tile', index: 0, cameraId }, ALICE);
    assert.ok(r.ok, 'the node applied the paired console’s command');
  } finally {
    await remote.close();
  }
}

/** A TLS client with some certificate, reading frames. */
function rawClient(port: number, id: LinkIdentity) {
  const frames: Record<string, unknown>[] = [];
  const reader = new FrameReader();
  const socket = tls.connect({
    host: '127.0.0.1',
    port,
    key: id.key,
    cert: id.cert,
    rejectUnauthorized: false,
  });
  socket.on('error', () => undefined);
  socket.on('data', (c: Buffer) => frames.push(...(reader.push(c) as Record<string, unknown>[])));
  let closed = false;
  socket.on('close', () => (closed = true));
  return { socket, frames, closed: () => closed };
}

const closedWithin = (s: net.Socket, ms: number): Promise<boolean> =>
  new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    s.on('close', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });

test('plain TCP garbage and a silent socket are dropped; the node still answers', async (t) => {
  const { ids, node, wall } = await setup(t);
  const garbage = net.connect(node.port, '127.0.0.1');
  garbage.on('error', () => undefined);
  garbage.write('GET / HTTP/1.1\r\nHost: x\r\n\r\n' + 'A'.repeat(100_000));
  assert.ok(await closedWithin(garbage, 3000), 'garbage closed');
  // Slowloris: connects, says nothing, or half a ClientHello.
  const silent = net.connect(node.port, '127.0.0.1');
  silent.on('error', () => undefined);
  const half = net.connect(node.port, '127.0.0.1', () => half.write(Buffer.from([0x16, 0x03, 0x01, 0x02])));
  half.on('error', () => undefined);
  const [a, b] = await Promise.all([closedWithin(silent, 3000), closedWithin(half, 3000)]);
  assert.ok(a && b, 'stalled handshakes are cut');
  await stillAnswers(ids, node.port, 5);
  assert.equal(wall.applied.length, 1);
});

test('a valid certificate with the wrong fingerprint is refused before any command', async (t) => {
  const { ids, node, wall, events } = await setup(t);
  const c = rawClient(node.port, ids.other);
  c.socket.on('secureConnect', () =>
    c.socket.write(
      encodeFrame({
        t: 'cmd',
        session: '00000000-0000-0000-0000-000000000000',
        seq: 1,
        by: ALICE,
        cmd: { kind: 'layout', layout: '1' },
      }),
    ),
  );
  await until(c.closed, 5000, 'refused socket closed');
  assert.deepEqual(c.frames, [{ t: 'refused', reason: 'pin' }]);
  assert.equal(events[0]?.kind, 'refused-pin');
  assert.deepEqual(wall.applied, []);
  // No certificate at all is refused the same way.
  const bare = tls.connect({ host: '127.0.0.1', port: node.port, rejectUnauthorized: false });
  bare.on('error', () => undefined);
  bare.resume();
  assert.ok(await closedWithin(bare, 5000));
  // The paired console's own certificate over TLS 1.2 is refused at the handshake.
  const old = tls.connect({
    host: '127.0.0.1',
    port: node.port,
    key: ids.console.key,
    cert: ids.console.cert,
    rejectUnauthorized: false,
    maxVersion: 'TLSv1.2',
  });
  let secured = false;
  old.on('secureConnect', () => (secured = true));
  old.on('error', () => undefined);
  assert.ok(await closedWithin(old, 5000));
  assert.equal(secured, false, 'no TLS 1.2 session');
  await stillAnswers(ids, node.port, 6);
});

test('oversized and malformed frames from the paired console close that socket only', async (t) => {
  const { ids, node, wall, events } = await setup(t);
  const big = rawClient(node.port, ids.console);
  await until(() => big.frames.length > 0, 5000, 'hello');
  big.socket.write(Buffer.from([0xff, 0xff, 0xff, 0xff, 0x7b]));
  await until(big.closed, 5000, 'oversized closed');
  const junk = rawClient(node.port, ids.console);
  await until(() => junk.frames.length > 0, 5000, 'hello');
  const body = Buffer.from('{not json');
  const head = Buffer.alloc(4);
  head.writeUInt32BE(body.length);
  junk.socket.write(Buffer.concat([head, body]));
  await until(junk.closed, 5000, 'garbage closed');
  const odd = rawClient(node.port, ids.console);
  await until(() => odd.frames.length > 0, 5000, 'hello');
  odd.socket.write(encodeFrame({ t: 'cmd', session: 'x', seq: 1, by: ALICE, cmd: { kind: 'rm -rf' } }));
  await until(odd.closed, 5000, 'wrong shape closed');
  assert.deepEqual(
    events.map((e) => (e.kind === 'bad-frame' ? e.problem : e.kind)),
    ['oversized', 'garbage', 'shape'],
  );
  assert.deepEqual(wall.applied, []);
  await stillAnswers(ids, node.port, 7);
});

test('a replayed, out-of-order or foreign-session command is refused and logged', async (t) => {
  const { ids, node, wall, events } = await setup(t);
  const c = rawClient(node.port, ids.console);
  await until(() => c.frames.length > 0, 5000, 'hello');
  const session = c.frames[0]?.session as string;
  const cmd = (seq: number, s = session) =>
    encodeFrame({ t: 'cmd', session: s, seq, by: ALICE, cmd: { kind: 'tile', index: 1, cameraId: seq } });
  c.socket.write(cmd(1));
  c.socket.write(cmd(1)); // replayed
  c.socket.write(cmd(3)); // skips 2
  c.socket.write(cmd(2, '11111111-1111-1111-1111-111111111111')); // another session's
  c.socket.write(cmd(2));
  await until(() => c.frames.filter((f) => f.t === 'result').length === 5, 5000, 'five results');
  const results = c.frames.filter((f) => f.t === 'result') as {
    seq: number;
    result: { ok: boolean; error?: { code: string } };
  }[];
  const refused = results.filter((r) => !r.result.ok).map((r) => [r.seq, r.result.error?.code]);
  assert.deepEqual(refused, [
    [1, 'wall_replay'],
    [3, 'wall_replay'],
    [2, 'wall_replay'],
  ]);
  assert.deepEqual(
    wall.applied.map((a) => a.cmd),
    [
      { kind: 'tile', index: 1, cameraId: 1 },
      { kind: 'tile', index: 1, cameraId: 2 },
    ],
  );
  assert.equal(events.filter((e) => e.kind === 'replay').length, 3);
  c.socket.destroy();
  await stillAnswers(ids, node.port, 8);
});

/**
 * A peer keeping `count` TLS handshakes half-open (half a ClientHello each), spread over
 * `addresses` loopback source addresses, and opening a new one whenever the node drops one.
 */
function halfOpenFlood(port: number, count: number, addresses: string[]) {
  let stopped = false;
  let opened = 0;
  const live = new Set<net.Socket>();
  const one = (i: number): void => {
    if (stopped) return;
    const s = net.connect({ port, host: '127.0.0.1', localAddress: addresses[i % addresses.length]! }, () => {
      opened++;
      s.write(Buffer.from([0x16, 0x03, 0x01, 0x02]));
    });
    live.add(s);
    s.on('error', () => undefined);
    s.on('close', () => {
      live.delete(s);
      setTimeout(() => one(i), 50);
    });
  };
  for (let i = 0; i < count; i++) one(i);
  return {
    opened: () => opened,
    stop: () => {
      stopped = true;
      for (const s of live) s.destroy();
    },
  };
}

/** The paired console starts (or restarts): how long until its link is up, in ms. */
async function consoleUpWithin(ids: Ids, port: number, ms: number): Promise<RemoteWallController> {
  const remote = new RemoteWallController({
    host: '127.0.0.1',
    port,
    pin: ids.node.fingerprint,
    ...ids.console,
  });
  const t0 = Date.now();
  try {
    await until(() => remote.link() === 'up', ms, `link up within ${ms} ms`);
  } catch (e) {
    await remote.close();
    throw e;
  }
  console.log(`console link up ${Date.now() - t0} ms after its restart`);
  return remote;
}

for (const [what, addresses] of [
  ['one address', ['127.0.0.2']],
  ['65 addresses', Array.from({ length: 65 }, (_, i) => `127.0.1.${i + 1}`)],
] as const)
  test(`130 half-open handshakes from ${what} cannot keep a restarting console from its wall`, async (t) => {
    const ids = await identities();
    const wall = new TestWall();
    // The node as deployed: a handshake has its full 5 s.
    const node = await startWallNode({
      host: '127.0.0.1',
      port: 0,
      ...ids.node,
      peerPin: ids.console.fingerprint,
      controller: wall,
    });
    t.after(() => node.close());
    const first = await consoleUpWithin(ids, node.port, 5000);
    const flood = halfOpenFlood(node.port, 130, [...addresses]);
    t.after(() => flood.stop());
    try {
      await until(
        () => flood.opened() >= 260,
        10_000,
        'the peer holds its handshakes, and re-opens dropped ones',
      );
      // The console's own session is never dropped to make room.
      assert.equal(first.link(), 'up');
      assert.ok((await first.apply({ kind: 'tile', index: 0, cameraId: 1 }, ALICE)).ok);
    } finally {
      await first.close();
    }
    // The console restarts while the peer goes on: its link is up within 5 s, and drives the wall.
    const again = await consoleUpWithin(ids, node.port, 5000);
    t.after(() => again.close());
    assert.ok((await again.apply({ kind: 'tile', index: 0, cameraId: 2 }, ALICE)).ok);
    assert.deepEqual(
      wall.applied.map((a) => a.cmd),
      [
        { kind: 'tile', index: 0, cameraId: 1 },
        { kind: 'tile', index: 0, cameraId: 2 },
      ],
    );
  });
