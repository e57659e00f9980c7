/** The Pelco-D driver writing to a camera line made of a real pseudo-terminal (socat). */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SerialPort } from 'serialport';
import { startPtyPair, lineSpeed } from '../../../test-support/control/pty';
import { openPelcoD, pelcoMoveFrame } from './pelco-d-driver';

let dir: string;
before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-pelco-'));
});
after(() => fs.rmSync(dir, { recursive: true, force: true }));

async function camera(tty: string): Promise<{ bytes: () => number[]; close: () => Promise<void> }> {
  const got: number[] = [];
  const p = new SerialPort({ path: tty, baudRate: 2400, autoOpen: false });
  await new Promise<void>((r, j) => p.open((e) => (e ? j(e) : r())));
  p.on('data', (d: Buffer) => got.push(...d));
  return { bytes: () => got.splice(0), close: () => new Promise((r) => p.close(() => r())) };
}

async function take(cam: { bytes: () => number[] }, n: number): Promise<number[]> {
  const out: number[] = [];
  for (let k = 0; k < 500 && out.length < n; k++) {
    out.push(...cam.bytes());
    if (out.length < n) await new Promise((r) => setTimeout(r, 5));
  }
  return out;
}

test('speeds map onto 0x00–0x3F with direction bits, and checksums are right', () => {
  assert.deepEqual([...pelcoMoveFrame(1, 1, 0, 0)], [0xff, 0x01, 0x00, 0x02, 0x3f, 0x00, 0x42]);
  assert.deepEqual([...pelcoMoveFrame(1, -0.5, 0.25, 0)], [0xff, 0x01, 0x00, 0x04 | 0x08, 0x20, 0x10, 0x3d]);
  assert.deepEqual([...pelcoMoveFrame(3, 0, -1, 1)], [0xff, 0x03, 0x00, 0x10 | 0x20, 0x00, 0x3f, 0x72]);
  assert.deepEqual([...pelcoMoveFrame(3, 0.001, 0, -1)], [0xff, 0x03, 0x00, 0x02 | 0x40, 0x01, 0x00, 0x46]);
});

test('exact bytes reach the camera line: move, stop, go to preset; bad presets are refused', async () => {
  const pty = await startPtyPair(dir);
  const cam = await camera(pty.a);
  const r = openPelcoD({ port: pty.b, address: 12, presetCount: 3 });
  assert.ok(r.ok);
  const d = r.value;
  try {
    assert.ok((await d.move(1, -1, 0)).ok);
    assert.deepEqual(await take(cam, 7), [0xff, 0x0c, 0x00, 0x12, 0x3f, 0x3f, 0x9c]);
    assert.equal(lineSpeed(pty.b), 2400);
    assert.ok((await d.stop()).ok);
    assert.deepEqual(await take(cam, 7), [0xff, 0x0c, 0x00, 0x00, 0x00, 0x00, 0x0c]);
    assert.ok((await d.gotoPreset('3')).ok);
    assert.deepEqual(await take(cam, 7), [0xff, 0x0c, 0x00, 0x07, 0x00, 0x03, 0x16]);
    assert.deepEqual((await d.presets()).ok && (await d.presets()), {
      ok: true,
      value: [
        { token: '1', name: '1' },
        { token: '2', name: '2' },
        { token: '3', name: '3' },
      ],
    });
    for (const bad of ['0', '256', 'x', '1;2', ''])
      assert.deepEqual(await d.gotoPreset(bad), { ok: false, code: 'ptz.bad_preset' });
    assert.deepEqual(cam.bytes(), [], 'nothing written for refused presets');
  } finally {
    await d.close();
    await cam.close();
    await pty.stop();
  }
});

test('an unplugged line gives ptz.unreachable, not a throw; the line comes back by itself', async () => {
  let pty = await startPtyPair(dir);
  const r = openPelcoD({ port: pty.b, address: 1 });
  assert.ok(r.ok);
  const d = r.value;
  try {
    assert.ok((await d.stop()).ok);
    await pty.stop();
    const res = await d.move(1, 0, 0);
    assert.equal(res.ok, false);
    assert.equal(!res.ok && res.code, 'ptz.unreachable');
    pty = await startPtyPair(dir);
    const cam = await camera(pty.a);
    let ok = false;
    for (let k = 0; k < 50 && !ok; k++) ok = (await d.move(0, 0, 1)).ok;
    assert.ok(ok, 'the driver reopens the line');
    const got = await take(cam, 7);
    assert.deepEqual(got.slice(-7), [0xff, 0x01, 0x00, 0x20, 0x00, 0x00, 0x21]);
    await cam.close();
  } finally {
    await d.close();
    await pty.stop();
  }
});
