import assert from 'node:assert/strict';
import test from 'node:test';
import { DemoHead, windowOf } from './demo-head';
import { actionOf, answer, moveOf } from './demo-onvif';

test('the head integrates its velocity until Stop or the move’s timeout, inside its range', () => {
  let now = 0;
  const h = new DemoHead(() => now);
  h.move({ pan: 1, tilt: -0.5, zoom: 0 }, 2000);
  now = 1000;
  assert.deepEqual(h.position(), { pan: 0.5, tilt: -0.25, zoom: 0 });
  now = 5000; // the 2 s timeout stopped it at 2 s
  assert.deepEqual(h.position(), { pan: 1, tilt: -0.5, zoom: 0 });
  assert.equal(h.moving(), false);
  h.move({ pan: -1, tilt: 0, zoom: 1 }, 10_000);
  now = 6000;
  h.stop();
  now = 9000;
  assert.deepEqual(h.position(), { pan: 0.5, tilt: -0.5, zoom: 0.5 });
  h.move({ pan: Number.NaN, tilt: 50, zoom: -Infinity }, 1e12);
  now = 1e9;
  const p = h.position();
  assert.deepEqual(p, { pan: 0.5, tilt: 1, zoom: 0.5 }, 'hostile velocities are clamped or ignored');
});

test('the window: half the panorama at wide, an eighth at tele, edge to edge, never outside', () => {
  assert.deepEqual(windowOf({ pan: 0, tilt: 0, zoom: 0 }, 2560, 1440), { x: 640, y: 360, w: 1280, h: 720 });
  assert.deepEqual(windowOf({ pan: -1, tilt: 1, zoom: 0 }, 2560, 1440), { x: 0, y: 0, w: 1280, h: 720 });
  assert.deepEqual(windowOf({ pan: 1, tilt: -1, zoom: 1 }, 2560, 1440), { x: 2240, y: 1260, w: 320, h: 180 });
});

test('ONVIF requests are read by bounded patterns; anything unknown is a fault', () => {
  const env = (body: string) => `<s:Envelope xmlns:s="x"><s:Header/><s:Body>${body}</s:Body></s:Envelope>`;
  const move = env(
    '<ContinuousMove xmlns="p"><ProfileToken>DemoProfile</ProfileToken><Velocity>' +
      '<PanTilt x="0.5" y="-1" xmlns="t"/><Zoom x="0.25" xmlns="t"/></Velocity><Timeout>PT2S</Timeout></ContinuousMove>',
  );
  assert.equal(actionOf(move), 'ContinuousMove');
  assert.deepEqual(moveOf(move), { v: { pan: 0.5, tilt: -1, zoom: 0.25 }, timeoutMs: 2000 });
  assert.equal(moveOf(move.replace('PT2S', 'PT0.5S')), null, 'a fractional Timeout is refused');
  let now = 0;
  const head = new DemoHead(() => now);
  assert.equal(answer(move, head, 'http://x').fault, false);
  now = 1000;
  assert.equal(head.position().pan, 0.25);
  assert.equal(answer(move.replace('DemoProfile', 'Other'), head, 'http://x').fault, true);
  assert.equal(answer(env('<Reboot/>'), head, 'http://x').fault, true);
  assert.equal(answer('<<<not xml', head, 'http://x').fault, true);
  const status = answer(env('<GetStatus><ProfileToken>DemoProfile</ProfileToken></GetStatus>'), head, 'h');
  assert.match(status.xml, /<tt:PanTilt x="0.25" y="-0.5"\/><tt:Zoom x="0.125"\/>/);
  assert.equal(
    answer(
      env('<GotoPreset><ProfileToken>DemoProfile</ProfileToken><PresetToken>9</PresetToken></GotoPreset>'),
      head,
      'h',
    ).fault,
    true,
  );
});
