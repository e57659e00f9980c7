/**
 * Pelco-D and Pelco-P wire frames: encoders (for the camera driver) and a streaming parser (for
 * keyboards) that re-synchronises on line noise and drops frames with a bad checksum.
 *
 * Pelco-D: `FF addr cmd1 cmd2 data1 data2 sum`, sum = (addr+cmd1+cmd2+data1+data2) & 0xFF.
 * Pelco-P: `A0 addr data1 data2 data3 data4 AF xor`, xor of the seven bytes before it; camera 1 is address 0.
 */

export type PelcoProtocol = 'pelco-d' | 'pelco-p';

/** The protocol-independent content of a frame: Pelco-D's cmd1/cmd2/data1/data2 or Pelco-P's data1..4. */
export interface PelcoFrame {
  protocol: PelcoProtocol;
  /** Camera number as the operator knows it (Pelco-D address; Pelco-P address + 1). */
  camera: number;
  /** The "command 2" byte, whose direction bits are shared by both protocols. */
  cmd2: number;
  cmd1: number;
  panSpeed: number;
  tiltSpeed: number;
}

/** cmd2 bits common to D and P. */
export const BIT = { right: 0x02, left: 0x04, up: 0x08, down: 0x10, tele: 0x20, wide: 0x40 } as const;
/** Extended commands (cmd2 odd, data2 = argument). */
export const EXT = {
  setPreset: 0x03,
  clearPreset: 0x05,
  gotoPreset: 0x07,
  setAux: 0x09,
  clearAux: 0x0b,
  zoomSpeed: 0x25,
} as const;

const D_LEN = 7;
const P_LEN = 8;

const byte = (n: number): number => Math.max(0, Math.min(255, Math.trunc(n)));

export function encodePelcoD(
  address: number,
  cmd1: number,
  cmd2: number,
  data1: number,
  data2: number,
): Buffer {
  const b = Buffer.from([0xff, byte(address), byte(cmd1), byte(cmd2), byte(data1), byte(data2), 0]);
  b[6] = (b[1]! + b[2]! + b[3]! + b[4]! + b[5]!) & 0xff;
  return b;
}

export function encodePelcoP(camera: number, d1: number, d2: number, d3: number, d4: number): Buffer {
  const b = Buffer.from([0xa0, byte(camera - 1), byte(d1), byte(d2), byte(d3), byte(d4), 0xaf, 0]);
  b[7] = b.subarray(0, 7).reduce((x, y) => x ^ y, 0);
  return b;
}

export function encodeFrame(f: PelcoFrame): Buffer {
  return f.protocol === 'pelco-d'
    ? encodePelcoD(f.camera, f.cmd1, f.cmd2, f.panSpeed, f.tiltSpeed)
    : encodePelcoP(f.camera, f.cmd1, f.cmd2, f.panSpeed, f.tiltSpeed);
}

function decodeAt(buf: Buffer, i: number, protocol: PelcoProtocol): PelcoFrame | null {
  if (protocol === 'pelco-d') {
    if (buf[i] !== 0xff) return null;
    const sum = (buf[i + 1]! + buf[i + 2]! + buf[i + 3]! + buf[i + 4]! + buf[i + 5]!) & 0xff;
    if (sum !== buf[i + 6]) return null;
    const [, camera, cmd1, cmd2, panSpeed, tiltSpeed] = buf.subarray(i, i + 6);
    return {
      protocol,
      camera: camera!,
      cmd1: cmd1!,
      cmd2: cmd2!,
      panSpeed: panSpeed!,
      tiltSpeed: tiltSpeed!,
    };
  }
  if (buf[i] !== 0xa0 || buf[i + 6] !== 0xaf) return null;
  let x = 0;
  for (let k = 0; k < 7; k++) x ^= buf[i + k]!;
  if (x !== buf[i + 7]) return null;
  return {
    protocol,
    camera: buf[i + 1]! + 1,
    cmd1: buf[i + 2]!,
    cmd2: buf[i + 3]!,
    panSpeed: buf[i + 4]!,
    tiltSpeed: buf[i + 5]!,
  };
}

/**
 * Streaming parser: feed it whatever the serial port delivers, in any chunking. On a bad checksum
 * it skips one byte only, so a real frame that starts inside the garbage is still found.
 */
export class PelcoParser {
  private pending: Buffer = Buffer.alloc(0);
  /** Bytes skipped while hunting for a frame: noise, or a wrong baud rate. */
  rejected = 0;
  accepted = 0;

  constructor(readonly protocol: PelcoProtocol) {}

  push(chunk: Buffer): PelcoFrame[] {
    const buf = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk;
    const len = this.protocol === 'pelco-d' ? D_LEN : P_LEN;
    const sync = this.protocol === 'pelco-d' ? 0xff : 0xa0;
    const out: PelcoFrame[] = [];
    let i = 0;
    while (i + len <= buf.length) {
      const f = decodeAt(buf, i, this.protocol);
      if (f) {
        out.push(f);
        this.accepted++;
        i += len;
        continue;
      }
      const next = buf.indexOf(sync, i + 1);
      const skipTo = next < 0 ? buf.length : next;
      this.rejected += skipTo - i;
      i = skipTo;
    }
    // Keep at most one partial frame; a lone tail without a sync byte is noise.
    const tail = buf.subarray(i);
    const s = tail.indexOf(sync);
    if (s < 0) {
      this.rejected += tail.length;
      this.pending = Buffer.alloc(0);
    } else {
      this.rejected += s;
      this.pending = Buffer.from(tail.subarray(s));
    }
    return out;
  }

  reset(): void {
    this.pending = Buffer.alloc(0);
  }
}
