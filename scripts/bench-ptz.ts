/**
 * PTZ latency against the loopback ONVIF peer, through the real onvif client and the control loop:
 * input-to-command (an intent, and a Pelco-D keyboard frame on a socat pty, until the camera has
 * parsed its ContinuousMove) and release-to-Stop. Prints p50/p99 in ms; run by
 * `npm run bench -- --ptz`. Flags: --trials N (100) --json PATH
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { BIT, encodePelcoD, KeyboardSource, type Intent } from '../main/control/input';
import { startPtyPair } from '../test-support/control/pty';
import { PtzControl, connectOnvif } from '../main/control/ptz';
import { OnvifPeer, type PeerCommand } from '../test-support/control/onvif-peer';

const argv = process.argv.slice(2);
const flag = (n: string): string | undefined => {
  const i = argv.indexOf(`--${n}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const TRIALS = Number(flag('trials') ?? 100);
const JSON_OUT = flag('json');

const pct = (xs: number[], p: number): number | null => {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

function next(peer: OnvifPeer, action: string): Promise<PeerCommand> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`no ${action} within 5 s`)), 5000);
    const on = (c: PeerCommand): void => {
      if (c.action !== action) return;
      clearTimeout(t);
      peer.off('command', on);
      resolve(c);
    };
    peer.on('command', on);
  });
}

interface Series {
  inputToMove: number[];
  releaseToStop: number[];
}

/** One trial: press, wait for the move to land, hold a little, release, wait for the Stop. */
async function trials(peer: OnvifPeer, press: (k: number) => void, release: () => void): Promise<Series> {
  const out: Series = { inputToMove: [], releaseToStop: [] };
  for (let k = 0; k < TRIALS; k++) {
    await sleep(120); // past the 100 ms rate limit since the last Stop: measure the path, not the limiter
    const mv = next(peer, 'ContinuousMove');
    const t0 = performance.now();
    press(k);
    out.inputToMove.push((await mv).at - t0);
    await sleep(30);
    const st = next(peer, 'Stop');
    const t1 = performance.now();
    release();
    out.releaseToStop.push((await st).at - t1);
  }
  return out;
}

const r1 = (v: number | null): number | null => (v === null ? null : Math.round(v * 10) / 10);
const summary = (s: Series): Record<string, Record<string, number | null>> => ({
  inputToCommandMs: { p50: r1(pct(s.inputToMove, 50)), p99: r1(pct(s.inputToMove, 99)) },
  releaseToStopMs: { p50: r1(pct(s.releaseToStop, 50)), p99: r1(pct(s.releaseToStop, 99)) },
});

async function main(): Promise<void> {
  const peer = await new OnvifPeer({ username: 'bench', password: 'bench' }).start();
  const d = await connectOnvif({ url: peer.url, username: 'bench', password: 'bench' });
  if (!d.ok) throw new Error(`connect failed: ${d.code}`);
  const ctl = new PtzControl();
  ctl.attach('1', d.value);
  ctl.select('1');
  const results: Record<string, unknown> = { trials: TRIALS, cpus: os.cpus().length };

  const speeds = [1, -0.6, 0.8, -1, 0.4];
  const intent = await trials(
    peer,
    (k) => ctl.handle({ kind: 'move', pan: speeds[k % speeds.length]!, tilt: 0.5, zoom: 0 } satisfies Intent),
    () => ctl.handle({ kind: 'stop' }),
  );
  results.intent = summary(intent);

  if (spawnSync('socat', ['-V']).status === 0) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-bench-ptz-'));
    const pty = await startPtyPair(dir);
    const kbd = new KeyboardSource({ path: pty.b, protocol: 'pelco-d', baud: 9600 });
    kbd.on('intent', (i) => ctl.handle(i));
    while (kbd.state.state !== 'connected') await sleep(5);
    const fd = fs.openSync(pty.a, 'w');
    const keyboard = await trials(
      peer,
      (k) => fs.writeSync(fd, encodePelcoD(1, 0, k % 2 ? BIT.left : BIT.right, 0x20 + (k % 0x1f), 0)),
      () => fs.writeSync(fd, encodePelcoD(1, 0, 0, 0, 0)),
    );
    results.keyboard = summary(keyboard);
    fs.closeSync(fd);
    await kbd.close();
    await pty.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  } else results.keyboard = 'skipped: socat absent';

  await ctl.close();
  await peer.stop();
  console.log('PTZ latency, loopback ONVIF peer (ms):');
  console.log(JSON.stringify(results, null, 2));
  if (JSON_OUT) fs.writeFileSync(JSON_OUT, JSON.stringify(results, null, 2));
}

/** Settles when the run is over (scripts/bench.ts waits on it for `--ptz`). */
export const finished: Promise<void> = main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
