/**
 * Reads the benchmark's wall-clock stamp back from a drawn frame: 40 blocks across the top of
 * the picture (each width/40 wide), white = 1, holding epoch ms modulo 2^40, most significant first.
 */
export const STAMP_BITS = 40;
const MOD = 2 ** STAMP_BITS;

export function decodeStampRow(
  rgba: Uint8ClampedArray,
  width: number,
  rowY: number,
  imageWidth: number,
): number {
  const block = width / STAMP_BITS;
  let v = 0;
  for (let i = 0; i < STAMP_BITS; i++) {
    const x = Math.floor(i * block + block / 2);
    const o = (rowY * imageWidth + x) * 4;
    v = v * 2 + ((rgba[o] ?? 0) + (rgba[o + 1] ?? 0) + (rgba[o + 2] ?? 0) > 384 ? 1 : 0);
  }
  return v;
}

/** Epoch ms the frame was stamped at, or null when the frame carries no plausible stamp. */
export function stampToEpoch(value: number, now: number): number | null {
  const age = ((((now % MOD) - value) % MOD) + MOD) % MOD;
  return age < 30_000 ? now - age : null;
}

export function readStamp(
  ctx: OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D,
  width: number,
): number | null {
  const block = Math.max(1, Math.floor(width / STAMP_BITS));
  const y = Math.floor(block / 2);
  const data = ctx.getImageData(0, y, width, 1).data;
  return stampToEpoch(decodeStampRow(data, width, 0, width), Date.now());
}
