/** Test fixture: a real pseudo-terminal pair made by socat, standing in for a serial line. */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export interface PtyPair {
  /** The far end: the keyboard (or the camera) writes and reads here. */
  a: string;
  /** The near end: the module under test opens this one. */
  b: string;
  stop(): Promise<void>;
}

async function until(cond: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out waiting for socat');
    await new Promise((r) => setTimeout(r, 10));
  }
}

export async function startPtyPair(dir: string): Promise<PtyPair> {
  const a = path.join(dir, 'ttyA');
  const b = path.join(dir, 'ttyB');
  const proc: ChildProcess = spawn(
    'socat',
    ['-d', '-d', `pty,raw,echo=0,link=${a}`, `pty,raw,echo=0,link=${b}`],
    { stdio: 'ignore' },
  );
  await until(() => fs.existsSync(a) && fs.existsSync(b));
  return {
    a,
    b,
    stop: async () => {
      if (proc.exitCode !== null) return;
      const gone = new Promise((r) => proc.once('exit', r));
      proc.kill('SIGTERM');
      await gone;
      await until(() => !fs.existsSync(a) && !fs.existsSync(b));
    },
  };
}

/** The baud rate the module set on its end of the line, as the kernel holds it. */
export function lineSpeed(tty: string): number {
  const r = spawnSync('stty', ['-F', tty, 'speed'], { encoding: 'utf8' });
  return Number(r.stdout.trim());
}

/**
 * What a UART at `rxBaud` reads from bytes sent 8N1 at `txBaud`: a pty carries bytes, not bits,
 * so a keyboard at the wrong rate is simulated here. Same rate gives the bytes back unchanged.
 */
export function uartMisread(bytes: Buffer, txBaud: number, rxBaud: number): Buffer {
  if (txBaud === rxBaud) return Buffer.from(bytes);
  const bits: number[] = [];
  for (const v of bytes) {
    bits.push(0);
    for (let k = 0; k < 8; k++) bits.push((v >> k) & 1);
    bits.push(1);
  }
  const tTx = 1 / txBaud;
  const tRx = 1 / rxBaud;
  const level = (t: number): number => bits[Math.floor(t / tTx)] ?? 1;
  const out: number[] = [];
  let t = 0;
  const end = bits.length * tTx;
  while (t < end) {
    // Hunt for the start bit's falling edge at the transmitter's bit boundaries.
    let k = Math.ceil(t / tTx - 1e-9);
    while (k < bits.length && bits[k] !== 0) k++;
    if (k >= bits.length) break;
    const t0 = k * tTx;
    if (level(t0 + tRx / 2) !== 0) {
      t = t0 + tTx;
      continue;
    }
    let v = 0;
    for (let i = 0; i < 8; i++) v |= level(t0 + (i + 1.5) * tRx) << i;
    const stop = level(t0 + 9.5 * tRx);
    out.push(stop ? v : 0); // a framing error reads as NUL (termios without IGNPAR/PARMRK)
    t = t0 + 10 * tRx;
  }
  return Buffer.from(out);
}
