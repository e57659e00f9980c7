/**
 * Pelco-D over a serial line: `FF addr cmd1 cmd2 data1 data2 sum`, pan/tilt speed 0x00–0x3F,
 * presets through the extended commands. Pelco-D cannot list presets: the inventory says how many.
 */
import { BIT, encodePelcoD, EXT, PELCO_MAX_SPEED } from '../input';
import { fail, okValue, type PtzDriver, type PtzPreset, type PtzResult } from './driver';
import { acquireLine, releaseLine, type SerialLine } from './serial-line';

export interface PelcoTarget {
  port: string;
  /** Camera address on the line, 1–255. */
  address: number;
  /** 2400 by default, as most domes ship. */
  baud?: number;
  /** Presets 1..N offered to the operator. */
  presetCount?: number;
}

const speedByte = (v: number): number => {
  const a = Math.min(1, Math.abs(Number.isFinite(v) ? v : 0));
  return a === 0 ? 0 : Math.max(1, Math.round(a * PELCO_MAX_SPEED));
};

export function pelcoMoveFrame(address: number, pan: number, tilt: number, zoom: number): Buffer {
  let cmd2 = 0;
  const ps = speedByte(pan);
  const ts = speedByte(tilt);
  if (ps) cmd2 |= pan > 0 ? BIT.right : BIT.left;
  if (ts) cmd2 |= tilt > 0 ? BIT.up : BIT.down;
  if (zoom > 0) cmd2 |= BIT.tele;
  else if (zoom < 0) cmd2 |= BIT.wide;
  return encodePelcoD(address, 0, cmd2, ps, ts);
}

class PelcoDDriver implements PtzDriver {
  private closed = false;

  constructor(
    private readonly line: SerialLine,
    private readonly t: PelcoTarget,
  ) {}

  private send(frame: Buffer): Promise<PtzResult> {
    return this.closed ? Promise.resolve(fail('ptz.closed')) : this.line.write(frame);
  }

  move(pan: number, tilt: number, zoom: number): Promise<PtzResult> {
    return this.send(pelcoMoveFrame(this.t.address, pan, tilt, zoom));
  }

  stop(): Promise<PtzResult> {
    return this.send(encodePelcoD(this.t.address, 0, 0, 0, 0));
  }

  async presets(): Promise<PtzResult<PtzPreset[]>> {
    if (this.closed) return fail('ptz.closed');
    const n = Math.max(0, Math.min(255, Math.trunc(this.t.presetCount ?? 0)));
    return okValue(Array.from({ length: n }, (_, i) => ({ token: String(i + 1), name: String(i + 1) })));
  }

  async gotoPreset(token: string): Promise<PtzResult> {
    if (typeof token !== 'string' || !/^[0-9]{1,3}$/.test(token)) return fail('ptz.bad_preset');
    const n = Number(token);
    if (n < 1 || n > 255) return fail('ptz.bad_preset');
    return this.send(encodePelcoD(this.t.address, 0, EXT.gotoPreset, 0, n));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await releaseLine(this.line);
  }
}

export function openPelcoD(t: PelcoTarget): PtzResult<PtzDriver> {
  if (!Number.isInteger(t.address) || t.address < 1 || t.address > 255)
    return fail('ptz.bad_config', 'address');
  if (typeof t.port !== 'string' || !t.port) return fail('ptz.bad_config', 'port');
  const line = acquireLine(t.port, t.baud ?? 2400);
  return okValue(new PelcoDDriver(line, t));
}
