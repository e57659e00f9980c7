/**
 * A plan image's type and size, read from its own bytes (never from its name): PNG or JPEG only,
 * within the byte and pixel caps. Anything else is refused before a byte is written. This only
 * sniffs; map-jobs.ts then checks the whole file in a worker thread.
 */
import { MAP_MAX_IMAGE_BYTES, MAP_MAX_IMAGE_SIDE, type MapImageType } from '../../../common/contract';
import type { ErrorReason } from '../../../common/errors';

export type ImageProblem = ErrorReason<'map_image_invalid'>;
export type ImageInfo = { type: MapImageType; width: number; height: number };

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function isPng(b: Buffer): boolean {
  return b.length >= 24 && b.subarray(0, 8).equals(PNG_MAGIC) && b.toString('latin1', 12, 16) === 'IHDR';
}

function pngSize(b: Buffer): { width: number; height: number } {
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

/** Walks a JPEG's segments to its frame header (SOF0…SOF15 but DHT, JPG, DAC). */
function jpegSize(b: Buffer): { width: number; height: number } | null {
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return null;
    const marker = b[i + 1]!;
    if (marker === 0xff) {
      i++; // fill byte
      continue;
    }
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      i += 2;
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) return null; // end, or scan data before any frame header
    const len = b.readUInt16BE(i + 2);
    if (len < 2) return null;
    if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
      return { height: b.readUInt16BE(i + 5), width: b.readUInt16BE(i + 7) };
    }
    i += 2 + len;
  }
  return null;
}

export function readPlanImage(
  b: Buffer,
): { ok: true; info: ImageInfo } | { ok: false; problem: ImageProblem } {
  if (b.length > MAP_MAX_IMAGE_BYTES) return { ok: false, problem: 'too_large' };
  let type: MapImageType;
  let size: { width: number; height: number } | null;
  if (isPng(b)) {
    type = 'png';
    size = pngSize(b);
  } else if (b.length >= 4 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) {
    type = 'jpeg';
    size = jpegSize(b);
  } else return { ok: false, problem: 'format' };
  if (!size) return { ok: false, problem: 'format' };
  const { width, height } = size;
  if (width < 1 || height < 1 || width > MAP_MAX_IMAGE_SIDE || height > MAP_MAX_IMAGE_SIDE)
    return { ok: false, problem: 'dimensions' };
  return { ok: true, info: { type, width, height } };
}
