import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BIT, encodePelcoD, encodePelcoP, EXT, PelcoParser } from './pelco-frames';
import { PelcoIntentMapper } from './pelco-intents';
import type { Intent } from './intent';

const intentsOf = (protocol: 'pelco-d' | 'pelco-p', bytes: Buffer): Intent[] => {
  const p = new PelcoParser(protocol);
  const m = new PelcoIntentMapper();
  return p.push(bytes).flatMap((f) => m.map(f));
};

test('Pelco-D frames carry the sum of bytes 2..6 and match the published example', () => {
  // Camera 1, pan right at speed 0x20: FF 01 00 02 20 00 23.
  assert.deepEqual([...encodePelcoD(1, 0, BIT.right, 0x20, 0)], [0xff, 0x01, 0x00, 0x02, 0x20, 0x00, 0x23]);
  // Go to preset 5 on camera 2: FF 02 00 07 00 05 0E.
  assert.deepEqual([...encodePelcoD(2, 0, EXT.gotoPreset, 0, 5)], [0xff, 0x02, 0x00, 0x07, 0x00, 0x05, 0x0e]);
});

test('Pelco-P frames: camera 1 is address 0, xor of the first seven bytes', () => {
  const f = encodePelcoP(1, 0, BIT.up, 0, 0x3f);
  assert.deepEqual([...f], [0xa0, 0x00, 0x00, 0x08, 0x00, 0x3f, 0xaf, 0xa0 ^ 0x08 ^ 0x3f ^ 0xaf]);
});

test('the parser re-synchronises on line noise, split chunks and a bad checksum', () => {
  const good1 = encodePelcoD(3, 0, BIT.left, 0x3f, 0);
  const bad = encodePelcoD(3, 0, BIT.up, 0, 0x10);
  bad[6] = (bad[6]! + 1) & 0xff;
  const good2 = encodePelcoD(3, 0, 0, 0, 0);
  // Noise includes a stray 0xFF that looks like a sync byte.
  const stream = Buffer.concat([
    Buffer.from([0x13, 0xff, 0x07, 0x44]),
    good1,
    bad,
    Buffer.from([0xff]),
    good2,
  ]);
  const p = new PelcoParser('pelco-d');
  const frames = [
    ...p.push(stream.subarray(0, 9)),
    ...p.push(stream.subarray(9, 15)),
    ...p.push(stream.subarray(15)),
  ];
  assert.equal(frames.length, 2, 'two good frames, the corrupted one dropped');
  assert.equal(frames[0]!.cmd2, BIT.left);
  assert.equal(frames[1]!.cmd2, 0);
  assert.ok(p.rejected >= 4 + 7, 'noise and the bad frame were counted as rejected');
});

test('keyboard frames become intents: camera call, move with speeds, preset, stop', () => {
  const bytes = Buffer.concat([
    encodePelcoD(7, 0, BIT.right | BIT.up, 0x3f, 0x20),
    encodePelcoD(7, 0, BIT.wide, 0, 0),
    encodePelcoD(7, 0, EXT.gotoPreset, 0, 12),
    encodePelcoD(8, 0, 0, 0, 0),
  ]);
  const got = intentsOf('pelco-d', bytes);
  assert.deepEqual(got[0], { kind: 'call-camera', camera: 7 });
  assert.equal(got[1]!.kind, 'move');
  const m = got[1] as Extract<Intent, { kind: 'move' }>;
  assert.equal(m.pan, 1);
  assert.ok(Math.abs(m.tilt - 0x20 / 0x3f) < 1e-9);
  assert.deepEqual(got[2], { kind: 'move', pan: 0, tilt: 0, zoom: -1 });
  assert.deepEqual(got[3], { kind: 'goto-preset', preset: 12 });
  assert.deepEqual(got.slice(4), [{ kind: 'call-camera', camera: 8 }, { kind: 'stop' }]);
});

test('Pelco-P keyboard: down-left and an aux button', () => {
  const got = intentsOf(
    'pelco-p',
    Buffer.concat([
      encodePelcoP(2, 0, BIT.down | BIT.left, 0x10, 0x3f),
      encodePelcoP(2, 0, EXT.setAux, 0, 4),
    ]),
  );
  assert.deepEqual(got[0], { kind: 'call-camera', camera: 2 });
  const m = got[1] as Extract<Intent, { kind: 'move' }>;
  assert.ok(m.pan < 0 && m.tilt === -1 && m.zoom === 0);
  assert.deepEqual(got[2], { kind: 'button', button: 4, pressed: true });
});
