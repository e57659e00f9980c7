/** The real `onvif` client against the loopback ONVIF peer. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { connectOnvif } from './onvif-driver';
import { OnvifPeer, PROFILE } from '../../../test-support/control/onvif-peer';
import type { PtzDriver } from './driver';

const USER = 'ptz-op';
const PASS = 'S3cret<&>"pw';
const EVIL = '</PresetToken><Evil/>&amp;';

async function withPeer(
  opts: Partial<ConstructorParameters<typeof OnvifPeer>[0]>,
  run: (peer: OnvifPeer) => Promise<void>,
): Promise<void> {
  const peer = await new OnvifPeer({ username: USER, password: PASS, ...opts }).start();
  try {
    await run(peer);
  } finally {
    await peer.stop();
  }
}

async function connected(peer: OnvifPeer, extra: { moveTimeoutS?: number } = {}): Promise<PtzDriver> {
  const r = await connectOnvif({ url: peer.url, username: USER, password: PASS, ...extra });
  assert.ok(r.ok, `connect: ${JSON.stringify(r)}`);
  return r.value;
}

test('connects with WS-UsernameToken, then ContinuousMove (whole-second Timeout), Stop, presets', async () => {
  await withPeer({ presets: [{ token: '1', name: 'Parvis' }] }, async (peer) => {
    const d = await connected(peer);
    try {
      const actions = peer.commands.map((c) => c.action);
      assert.deepEqual(actions.slice(0, 2), ['GetSystemDateAndTime', 'GetServices']);
      assert.ok(actions.includes('GetProfiles') && actions.includes('GetVideoSources'));

      assert.deepEqual(await d.move(0.5, -0.25, 0), { ok: true, value: undefined });
      const mv = peer.commands.at(-1)!;
      assert.equal(mv.action, 'ContinuousMove');
      assert.deepEqual([mv.x, mv.y, mv.zoom, mv.timeout, mv.profile], [0.5, -0.25, 0, 'PT2S', PROFILE]);
      assert.equal(mv.username, USER);
      assert.deepEqual(peer.moving, { x: 0.5, y: -0.25, zoom: 0 });

      assert.ok((await d.stop()).ok);
      assert.equal(peer.commands.at(-1)!.action, 'Stop');
      assert.equal(peer.moving, null);

      assert.deepEqual(await d.presets(), { ok: true, value: [{ token: '1', name: 'Parvis' }] });
      assert.ok((await d.gotoPreset('1')).ok);
      assert.equal(peer.commands.at(-1)!.preset, '1');
      assert.deepEqual(await d.gotoPreset('404'), {
        ok: false,
        code: 'ptz.camera_error',
        detail: 'ONVIF SOAP Fault: No such preset',
      });
      assert.equal(peer.authFailures, 0);
    } finally {
      await d.close();
    }
  });
});

test('a ContinuousMove stops by itself at its Timeout, even if no Stop ever comes', async () => {
  await withPeer({}, async (peer) => {
    const d = await connected(peer, { moveTimeoutS: 1 });
    try {
      const stopped = new Promise((r) => peer.once('timeout-stop', r));
      assert.ok((await d.move(1, 0, 0)).ok);
      assert.equal(peer.commands.at(-1)!.timeout, 'PT1S');
      assert.ok(peer.moving);
      await stopped;
      assert.equal(peer.moving, null);
    } finally {
      await d.close();
    }
  });
});

test('a wrong password is refused with a code; nothing moves', async () => {
  await withPeer({}, async (peer) => {
    const r = await connectOnvif({ url: peer.url, username: USER, password: 'wrong' });
    assert.equal(r.ok, false);
    assert.equal(!r.ok && r.code, 'ptz.auth_refused');
    assert.ok(peer.authFailures > 0);
    assert.ok(!peer.commands.some((c) => c.action === 'ContinuousMove'));
  });
});

test('an unreachable camera, and one that never answers, give ptz.unreachable quickly', async () => {
  const closed = net.createServer();
  await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
  const port = (closed.address() as net.AddressInfo).port;
  await new Promise((r) => closed.close(r));
  const refused = await connectOnvif({
    url: `http://127.0.0.1:${port}/onvif/device_service`,
    username: USER,
    password: PASS,
  });
  assert.deepEqual(!refused.ok && refused.code, 'ptz.unreachable');

  const silent = net.createServer(() => {});
  await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
  try {
    const t0 = Date.now();
    const r = await connectOnvif({
      url: `http://127.0.0.1:${(silent.address() as net.AddressInfo).port}/onvif/device_service`,
      requestTimeoutMs: 300,
    });
    assert.deepEqual(!r.ok && r.code, 'ptz.unreachable');
    assert.ok(Date.now() - t0 < 3000, 'the request timeout applies, not the library default of two minutes');
  } finally {
    silent.close();
  }
});

test('XML in a username is refused before any request; in a password or preset token it cannot inject', async () => {
  await withPeer({ presets: [{ token: EVIL, name: 'a<b' }] }, async (peer) => {
    const r = await connectOnvif({ url: peer.url, username: 'op</Username><Username>admin', password: PASS });
    assert.deepEqual(!r.ok && r.code, 'ptz.credentials_unsafe');
    assert.equal(peer.commands.length + peer.authFailures, 0, 'the camera saw nothing');
    assert.deepEqual(
      await connectOnvif({ url: peer.url, username: USER, password: 'mot-de-passe-é' }).then(
        (x) => !x.ok && x.code,
      ),
      'ptz.credentials_unsafe',
    );

    const d = await connected(peer); // PASS holds < & > " : hashed, never placed in the envelope
    try {
      const p = await d.presets();
      assert.ok(p.ok);
      assert.deepEqual(p.value, [{ token: EVIL, name: 'a<b' }]);
      assert.ok((await d.gotoPreset(EVIL)).ok);
      assert.equal(
        peer.commands.at(-1)!.preset,
        EVIL,
        'the camera parsed exactly the token, no extra element',
      );
      assert.deepEqual(await d.gotoPreset('x'.repeat(65)), { ok: false, code: 'ptz.bad_preset' });
    } finally {
      await d.close();
    }
  });
});

test('a profile token holding XML goes back to the camera intact, not as markup', async () => {
  const token = 'P</ProfileToken><Stop/><ProfileToken>&';
  await withPeer({ profileToken: token }, async (peer) => {
    const d = await connected(peer);
    try {
      assert.ok((await d.move(0, 1, 0)).ok);
      assert.equal(peer.commands.at(-1)!.profile, token);
      assert.deepEqual(peer.moving, { x: 0, y: 1, zoom: 0 });
    } finally {
      await d.close();
    }
  });
});

test('a hostile camera (garbage, empty answers, a foreign video source, no PTZ) gives codes, never a throw', async () => {
  const empty = '<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope"><s:Body/></s:Envelope>';
  const cases: [string[], string, string][] = [
    [['GetServices', 'GetCapabilities'], 'not xml at all <<<', 'ptz.camera_error'],
    [['GetProfiles'], empty, 'ptz.no_ptz'],
    [
      ['GetVideoSources'],
      '<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope"><s:Body><GetVideoSourcesResponse>' +
        '<VideoSources token="OTHER"/></GetVideoSourcesResponse></s:Body></s:Envelope>',
      'ptz.camera_error',
    ],
  ];
  for (const [actions, raw, code] of cases) {
    await withPeer({ override: (a) => (actions.includes(a) ? raw : undefined) }, async (peer) => {
      const r = await connectOnvif({ url: peer.url, username: USER, password: PASS, requestTimeoutMs: 400 });
      assert.deepEqual(!r.ok && r.code, code, actions.join());
    });
  }
  await withPeer({ noPtz: true }, async (peer) => {
    const r = await connectOnvif({ url: peer.url, username: USER, password: PASS });
    assert.deepEqual(!r.ok && r.code, 'ptz.no_ptz');
  });
});
