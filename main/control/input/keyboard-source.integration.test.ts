/** A serial CCTV keyboard on a real pseudo-terminal (socat): frames in, intents out, unplug, replug. */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BIT, encodePelcoD, encodePelcoP, EXT } from './pelco-frames';
import { KeyboardSource } from './keyboard-source';
import type { DeviceState, Intent } from './intent';
import { lineSpeed, startPtyPair, uartMisread, type PtyPair } from '../../../test-support/control/pty';
import { captureLog } from '../../../test-support/platform/log-capture';
import { setLogLevel } from '../../platform/log/logger';

let dir: string;
before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-kbd-'));
});
after(() => fs.rmSync(dir, { recursive: true, force: true }));

async function until(cond: () => boolean, what: string, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

function watch(src: KeyboardSource): { intents: Intent[]; states: DeviceState[] } {
  const intents: Intent[] = [];
  const states: DeviceState[] = [];
  src.on('intent', (i) => intents.push(i));
  src.on('state', (s) => states.push(s));
  return { intents, states };
}

const write = (tty: string, bytes: Buffer): void => {
  const fd = fs.openSync(tty, 'w');
  try {
    fs.writeSync(fd, bytes);
  } finally {
    fs.closeSync(fd);
  }
};

test('frames through a pty become intents; noise and a bad checksum change nothing; unplug stops; replug resumes', async () => {
  let pty: PtyPair = await startPtyPair(dir);
  const kbd = new KeyboardSource({ path: pty.b, protocol: 'pelco-d', baud: 4800, reopenMs: 50 });
  const { intents, states } = watch(kbd);
  try {
    await until(() => kbd.state.state === 'connected', 'keyboard connected');
    assert.equal(lineSpeed(pty.b), 4800, 'the line is opened at the configured rate');

    const bad = encodePelcoD(5, 0, BIT.left, 0x3f, 0);
    bad[6] = bad[6]! ^ 0x55;
    write(
      pty.a,
      Buffer.concat([Buffer.from([0x00, 0xff, 0x42, 0x99]), bad, encodePelcoD(5, 0, BIT.right, 0x3f, 0)]),
    );
    await until(() => intents.some((i) => i.kind === 'move'), 'a move intent');
    assert.deepEqual(intents.slice(0, 2), [
      { kind: 'call-camera', camera: 5 },
      { kind: 'move', pan: 1, tilt: 0, zoom: 0 },
    ]);
    assert.ok(
      !intents.some((i) => i.kind === 'move' && i.pan < 0),
      'the corrupted pan-left frame was dropped',
    );

    // Unplug in the middle of the move: the last word is a stop, and the state says so.
    const before = intents.length;
    await pty.stop();
    await until(() => kbd.state.state === 'disconnected' || kbd.state.state === 'searching', 'unplug seen');
    assert.deepEqual(intents.at(-1), { kind: 'stop' });
    assert.ok(intents.length > before);
    assert.ok(states.some((s) => s.state === 'disconnected' && s.reason === 'device.unplugged'));

    // Plug it back: the source reopens the same path by itself.
    pty = await startPtyPair(dir);
    await until(() => kbd.state.state === 'connected', 'keyboard reconnected');
    write(pty.a, encodePelcoD(5, 0, EXT.gotoPreset, 0, 3));
    await until(() => intents.some((i) => i.kind === 'goto-preset'), 'preset after replug');
    assert.deepEqual(intents.at(-1), { kind: 'goto-preset', preset: 3 });
  } finally {
    await kbd.close();
    await pty.stop();
  }
});

test('a keyboard whose device node disappears is unplugged even when the line raises no error', async () => {
  const pty = await startPtyPair(dir);
  const kbd = new KeyboardSource({ path: pty.b, protocol: 'pelco-d', baud: 4800, reopenMs: 50 });
  const { intents, states } = watch(kbd);
  try {
    await until(() => kbd.state.state === 'connected', 'keyboard connected');
    write(pty.a, encodePelcoD(5, 0, BIT.right, 0x3f, 0));
    await until(() => intents.some((i) => i.kind === 'move'), 'a move intent');
    // The node goes (as /dev/ttyUSB0 does on unplug) while the line itself stays open and silent.
    fs.unlinkSync(pty.b);
    await until(() => kbd.state.state === 'searching', 'unplug seen from the missing node');
    assert.deepEqual(intents.at(-1), { kind: 'stop' });
    assert.ok(states.some((s) => s.state === 'disconnected' && s.reason === 'device.unplugged'));
  } finally {
    await kbd.close();
    await pty.stop();
  }
});

test('the host log has a line, at info level, each time the keyboard is plugged in or unplugged', async () => {
  setLogLevel('info');
  const log = captureLog();
  let pty = await startPtyPair(dir);
  const kbd = new KeyboardSource({ path: pty.b, protocol: 'pelco-d', baud: 4800, reopenMs: 50 });
  const lines = (what: string): string[] =>
    log.lines.filter((l) => l.includes(' INFO  [keyboard] ') && l.includes(`keyboard ${what}`));
  try {
    await until(() => kbd.state.state === 'connected', 'keyboard connected');
    assert.equal(lines('connected').length, 1);
    assert.ok(
      lines('connected')[0]!.endsWith(`keyboard connected on ${pty.b} (pelco-d@4800)`),
      log.lines.join('\n'),
    );
    await pty.stop(); // the adapter is pulled out
    await until(() => lines('disconnected').length === 1, 'the unplug logged');
    assert.match(lines('disconnected')[0]!, /keyboard disconnected from .*ttyB \(unplugged\)/);
    pty = await startPtyPair(dir);
    await until(() => lines('connected').length === 2, 'the replug logged');
  } finally {
    log.restore();
    await kbd.close();
    await pty.stop();
  }
  assert.equal(lines('disconnected').length, 1, 'closing the post is not an unplug');
});

test('the baud rate is detected by sniffing valid frames (keyboard at 4800, Pelco-P)', async () => {
  const pty = await startPtyPair(dir);
  const kbd = new KeyboardSource({
    path: pty.b,
    protocol: 'pelco-p',
    sniffMs: 400,
    settleMs: 150,
    reopenMs: 50,
  });
  const { intents } = watch(kbd);
  // The keyboard repeats a tilt-up frame; what the module reads depends on the rate it chose.
  const frame = encodePelcoP(4, 0, BIT.up, 0, 0x3f);
  const fd = fs.openSync(pty.a, 'w');
  const seenAt = new Set<number>();
  const tx = setInterval(() => {
    const rx = lineSpeed(pty.b);
    if (rx) seenAt.add(rx);
    fs.writeSync(fd, uartMisread(frame, 4800, rx || 4800));
  }, 25);
  // (A rate change between reading the speed and writing is absorbed by the source's settle time.)
  try {
    await until(() => kbd.state.state === 'connected', 'baud detected', 10_000);
    assert.equal(kbd.baudRate, 4800);
    assert.ok(seenAt.has(2400), 'it tried 2400 first and rejected the garbage');
    assert.deepEqual(kbd.state, { state: 'connected', detail: 'pelco-p@4800' });
    await until(() => intents.some((i) => i.kind === 'move'), 'intents at the detected rate');
    assert.deepEqual(intents[0], { kind: 'call-camera', camera: 4 });
    assert.deepEqual(intents[1], { kind: 'move', pan: 0, tilt: 1, zoom: 0 });
  } finally {
    clearInterval(tx);
    fs.closeSync(fd);
    await kbd.close();
    await pty.stop();
  }
});

test('a UART at the wrong rate reads no valid Pelco frame (the sniffer premise)', () => {
  const frame = Buffer.concat([encodePelcoD(1, 0, BIT.right, 0x20, 0), encodePelcoP(1, 0, BIT.up, 0, 0x3f)]);
  assert.deepEqual(uartMisread(frame, 4800, 4800), frame);
  for (const rx of [2400, 9600]) assert.notDeepEqual(uartMisread(frame, 4800, rx), frame);
});
