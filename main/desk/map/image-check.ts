/**
 * Whole-file checks of a plan image or a tile, run in a worker thread (main/map/map-jobs.ts) before
 * anything is accepted: a picture cut short, with a bad chunk or a broken compressed stream is
 * refused, not made the map in force.
 *
 * - PNG is decoded: every chunk's CRC, the header's fields, then the image data inflated with Node's
 *   zlib (its Adler-32 checked) to exactly the bytes the header implies, every row's filter byte
 *   valid. Only the unfiltering is skipped: any byte is a valid pixel once inflated, so it could
 *   not fail. Streamed: a 64-megapixel plan is never held inflated in memory.
 * - JPEG's structure is walked (decoding it would need a codec main does not have): SOI, every
 *   segment within the file, one frame header before the first scan, each scan's entropy-coded data
 *   up to a marker, and EOI. A file cut anywhere loses its EOI and is refused.
 */
import zlib from 'node:zlib';
import { MAP_MAX_IMAGE_SIDE } from '../../../common/contract';

export type ImageCheck =
  { ok: true; width: number; height: number } | { ok: false; problem: 'damaged' | 'dimensions' };

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** Channels per colour type (0 grey, 2 RGB, 3 palette, 4 grey+alpha, 6 RGBA) and the depths each allows. */
const COLOUR: Record<number, { channels: number; depths: number[] }> = {
  0: { channels: 1, depths: [1, 2, 4, 8, 16] },
  2: { channels: 3, depths: [8, 16] },
  3: { channels: 1, depths: [1, 2, 4, 8] },
  4: { channels: 2, depths: [8, 16] },
  6: { channels: 4, depths: [8, 16] },
};
/** Adam7: [x0, y0, dx, dy] of each pass. */
const ADAM7 = [
  [0, 0, 8, 8],
  [4, 0, 8, 8],
  [0, 4, 4, 8],
  [2, 0, 4, 4],
  [0, 2, 2, 4],
  [1, 0, 2, 2],
  [0, 1, 1, 2],
] as const;

const damaged: ImageCheck = { ok: false, problem: 'damaged' };

interface Chunk {
  type: string;
  data: Buffer;
}

/** The chunks up to IEND, each CRC checked; null when one is cut, corrupt, or IEND never comes. */
function pngChunks(b: Buffer): Chunk[] | null {
  if (b.length < 8 || !b.subarray(0, 8).equals(PNG_MAGIC)) return null;
  const chunks: Chunk[] = [];
  let i = 8;
  while (i + 12 <= b.length) {
    const len = b.readUInt32BE(i);
    if (len > 0x7fffffff || i + 12 + len > b.length) return null;
    const type = b.toString('latin1', i + 4, i + 8);
    if (!/^[A-Za-z]{4}$/.test(type)) return null;
    if (zlib.crc32(b.subarray(i + 4, i + 8 + len)) >>> 0 !== b.readUInt32BE(i + 8 + len)) return null;
    chunks.push({ type, data: b.subarray(i + 8, i + 8 + len) });
    i += 12 + len;
    if (type === 'IEND') return len === 0 ? chunks : null;
  }
  return null;
}

/** Rows of each pass: how many, and their length in bytes with the filter byte. */
function rowsOf(
  width: number,
  height: number,
  bitsPerPixel: number,
  interlaced: boolean,
): [number, number][] {
  const row = (w: number): number => Math.ceil((w * bitsPerPixel) / 8) + 1;
  if (!interlaced) return [[height, row(width)]];
  return ADAM7.map(([x0, y0, dx, dy]) => {
    const w = Math.ceil((width - x0) / dx);
    const h = Math.ceil((height - y0) / dy);
    return [w > 0 ? h : 0, w > 0 ? row(w) : 0] as [number, number];
  }).filter(([h]) => h > 0);
}

export async function checkPng(b: Buffer, maxPixels: number): Promise<ImageCheck> {
  const chunks = pngChunks(b);
  if (!chunks || chunks[0]?.type !== 'IHDR' || chunks[0].data.length !== 13) return damaged;
  const h = chunks[0].data;
  const width = h.readUInt32BE(0);
  const height = h.readUInt32BE(4);
  const [depth, colour, compression, filter, interlace] = [h[8]!, h[9]!, h[10]!, h[11]!, h[12]!];
  const kind = COLOUR[colour];
  if (!kind?.depths.includes(depth) || compression !== 0 || filter !== 0 || interlace > 1) return damaged;
  if (width < 1 || height < 1 || width > MAP_MAX_IMAGE_SIDE || height > MAP_MAX_IMAGE_SIDE) {
    return { ok: false, problem: 'dimensions' };
  }
  if (width * height > maxPixels) return { ok: false, problem: 'dimensions' };
  const idat = chunks.flatMap((c, i) => (c.type === 'IDAT' ? [i] : []));
  // The image data: one run of consecutive IDAT chunks, after the palette a palette image needs.
  if (idat.length === 0 || idat.at(-1)! - idat[0]! !== idat.length - 1) return damaged;
  if (colour === 3 && !chunks.slice(0, idat[0]).some((c) => c.type === 'PLTE')) return damaged;
  const rows = rowsOf(width, height, kind.channels * depth, interlace === 1);
  const expected = rows.reduce((n, [count, len]) => n + count * len, 0);
  const ok = await inflateRows(
    idat.map((i) => chunks[i]!.data),
    rows,
    expected,
  );
  return ok ? { ok: true, width, height } : damaged;
}

/** Below this many inflated bytes (a tile), one synchronous inflate is cheaper than a stream. */
const INFLATE_AT_ONCE = 8 * 1024 * 1024;

/** Inflates the stream, checking its length and each row's filter byte (0…4) as the bytes come. */
function inflateRows(parts: Buffer[], rows: [number, number][], expected: number): Promise<boolean> {
  if (expected <= INFLATE_AT_ONCE) {
    let out: Buffer;
    try {
      out = zlib.inflateSync(Buffer.concat(parts), { maxOutputLength: expected + 1 });
    } catch {
      return Promise.resolve(false);
    }
    if (out.length !== expected) return Promise.resolve(false);
    let at = 0;
    for (const [count, len] of rows)
      for (let r = 0; r < count; r++, at += len) if (out[at]! > 4) return Promise.resolve(false);
    return Promise.resolve(true);
  }
  return new Promise((resolve) => {
    const inflate = zlib.createInflate();
    let seen = 0;
    let pass = 0;
    let rowLeft = rows[0]![0];
    let nextFilter = 0; // offset of the next row's filter byte
    let done = false;
    const finish = (ok: boolean): void => {
      if (done) return;
      done = true;
      inflate.destroy();
      resolve(ok);
    };
    inflate.on('data', (out: Buffer) => {
      if (seen + out.length > expected) return finish(false);
      while (nextFilter < seen + out.length && pass < rows.length) {
        if (out[nextFilter - seen]! > 4) return finish(false);
        nextFilter += rows[pass]![1];
        if (--rowLeft === 0 && ++pass < rows.length) rowLeft = rows[pass]![0];
      }
      seen += out.length;
    });
    inflate.on('error', () => finish(false));
    inflate.on('end', () => finish(seen === expected));
    for (const p of parts) inflate.write(p);
    inflate.end();
  });
}

/** A JPEG's frame size once its whole structure has been walked; damaged otherwise. */
export function checkJpeg(b: Buffer, maxPixels: number): ImageCheck {
  if (b.length < 4 || b[0] !== 0xff || b[1] !== 0xd8) return damaged;
  let i = 2;
  let size: { width: number; height: number } | null = null;
  let scans = 0;
  while (i + 1 < b.length) {
    if (b[i] !== 0xff) return damaged;
    const marker = b[i + 1]!;
    if (marker === 0xff) {
      i++; // fill byte
      continue;
    }
    if (marker === 0xd9) {
      if (!size || scans === 0) return damaged;
      if (size.width * size.height > maxPixels) return { ok: false, problem: 'dimensions' };
      return { ok: true, ...size };
    }
    if (marker === 0xd8 || marker === 0x00 || (marker >= 0xd0 && marker <= 0xd7)) return damaged;
    if (i + 4 > b.length) return damaged;
    const len = b.readUInt16BE(i + 2);
    if (len < 2 || i + 2 + len > b.length) return damaged;
    if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
      if (size || len < 8) return damaged; // one frame per image
      size = { height: b.readUInt16BE(i + 5), width: b.readUInt16BE(i + 7) };
      const sides = [size.width, size.height];
      if (sides.some((s) => s < 1 || s > MAP_MAX_IMAGE_SIDE)) return { ok: false, problem: 'dimensions' };
    }
    i += 2 + len;
    if (marker === 0xda) {
      if (!size) return damaged; // a scan before its frame header
      scans++;
      // Entropy-coded data: runs until a marker other than a stuffed 0xFF00 or a restart marker.
      while (
        i + 1 < b.length &&
        !(b[i] === 0xff && b[i + 1] !== 0 && !(b[i + 1]! >= 0xd0 && b[i + 1]! <= 0xd7))
      )
        i++;
    }
  }
  return damaged; // cut before its EOI
}
