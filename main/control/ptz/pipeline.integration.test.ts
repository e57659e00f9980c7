/**
 * The whole chain without the lease: a Pelco-D keyboard on a socat pty → KeyboardSource → PtzControl
 * → the real onvif client → the loopback ONVIF peer. Unplugging the keyboard mid-move stops the camera.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BIT, encodePelcoD, KeyboardSource } from '../input';
import { startPtyPair } from '../../../test-support/control/pty';
import { PtzControl } from './control';
import { connectOnvif } from './onvif-driver';
import { OnvifPeer, type PeerCommand } from '../../../test-support/control/onvif-peer';

let dir: string;
before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-pipe-'));
});
after(() => fs.rmSync(dir, { recursive: true, force: true }));

function nextCommand(peer: OnvifPeer, pred: (c: PeerCommand) => boolean, ms = 5000): Promise<PeerCommand> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error('no such command reached the camera')), ms);
    const on = (c: PeerCommand): void => {
      if (!pred(c)) return;
      clearTimeout(t);
      peer.off('command', on);
      resolve(c);
    };
    peer.on('command', on);
  });
}

test('keyboard frames reach the ONVIF camera as ContinuousMove then Stop; unplugging mid-move sends Stop', async () => {
  const peer = await new OnvifPeer({ username: 'op', password: 'pw' }).start();
  const pty = await startPtyPair(dir);
  const d = await connectOnvif({ url: peer.url, username: 'op', password: 'pw' });
  assert.ok(d.ok);
  const ctl = new PtzControl();
  ctl.attach('7', d.value);
  ctl.on('console', (i) => i.kind === 'call-camera' && ctl.select(String(i.camera)));
  const kbd = new KeyboardSource({ path: pty.b, protocol: 'pelco-d', baud: 2400, reopenMs: 50 });
  kbd.on('intent', (i) => ctl.handle(i));
  kbd.on('state', (s) => s.state === 'disconnected' && void ctl.stopAll('unplug'));
  const fd = { current: -1 };
  try {
    for (let k = 0; k < 400 && kbd.state.state !== 'connected'; k++)
      await new Promise((r) => setTimeout(r, 5));
    fd.current = fs.openSync(pty.a, 'w');

    let cmd = nextCommand(peer, (c) => c.action === 'ContinuousMove');
    fs.writeSync(fd.current, encodePelcoD(7, 0, BIT.right, 0x3f, 0));
    const mv = await cmd;
    assert.deepEqual([mv.x, mv.y, mv.zoom, mv.timeout], [1, 0, 0, 'PT2S']);

    cmd = nextCommand(peer, (c) => c.action === 'Stop');
    fs.writeSync(fd.current, encodePelcoD(7, 0, 0, 0, 0));
    await cmd;
    assert.equal(peer.moving, null);

    cmd = nextCommand(peer, (c) => c.action === 'ContinuousMove' && c.x! < 0);
    fs.writeSync(fd.current, encodePelcoD(7, 0, BIT.left | BIT.up, 0x3f, 0x3f));
    await cmd;
    assert.ok(peer.moving);

    cmd = nextCommand(peer, (c) => c.action === 'Stop');
    fs.closeSync(fd.current);
    fd.current = -1;
    await pty.stop(); // the keyboard's line disappears in the middle of the move
    await cmd;
    assert.equal(peer.moving, null);
  } finally {
    if (fd.current >= 0) fs.closeSync(fd.current);
    await kbd.close();
    await ctl.close();
    await pty.stop();
    await peer.stop();
  }
});
