/** Just enough H.264/H.265 bitstream reading to configure WebCodecs from in-band parameter sets. */

function* nalUnits(au: Uint8Array): Generator<Uint8Array> {
  let start = -1;
  for (let i = 0; i + 2 < au.length; i++) {
    if (au[i] === 0 && au[i + 1] === 0 && au[i + 2] === 1) {
      if (start >= 0) yield au.subarray(start, au[i - 1] === 0 ? i - 1 : i);
      start = i + 3;
      i += 2;
    }
  }
  if (start >= 0 && start < au.length) yield au.subarray(start);
}

function isHevc(au: Uint8Array): boolean {
  for (const nal of nalUnits(au)) {
    const h264Type = (nal[0] ?? 0) & 0x1f;
    const hevcType = ((nal[0] ?? 0) >> 1) & 0x3f;
    // HEVC VPS(32)/SPS(33)/PPS(34) have forbidden bit 0 and a layer id byte of 0x01.
    if (hevcType >= 32 && hevcType <= 34 && nal[1] === 0x01) return true;
    if (h264Type === 7) return false;
  }
  return false;
}

/** The SPS of a key access unit (the part that decides codec string and resolution). */
export function findParameterSets(au: Uint8Array): Uint8Array | null {
  const hevc = isHevc(au);
  for (const nal of nalUnits(au)) {
    const type = hevc ? ((nal[0] ?? 0) >> 1) & 0x3f : (nal[0] ?? 0) & 0x1f;
    if ((hevc && type === 33) || (!hevc && type === 7)) return nal;
  }
  return null;
}

/** Removes emulation-prevention bytes (00 00 03 → 00 00). */
export function unescapeRbsp(nal: Uint8Array): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < nal.length; i++) {
    if (i >= 2 && nal[i] === 3 && nal[i - 1] === 0 && nal[i - 2] === 0) continue;
    out.push(nal[i]!);
  }
  return Uint8Array.from(out);
}

const hex = (n: number): string => n.toString(16).padStart(2, '0').toUpperCase();

/** avc1.PPCCLL for H.264, hev1.P.C.TL.B for H.265 (RFC 6381), from the unit's SPS. */
export function codecStringFromAccessUnit(au: Uint8Array): string | null {
  const sps = findParameterSets(au);
  if (!sps) return null;
  if (!isHevc(au)) {
    if (sps.length < 4) return null;
    return `avc1.${hex(sps[1]!)}${hex(sps[2]!)}${hex(sps[3]!)}`;
  }
  const r = unescapeRbsp(sps);
  // 2-byte NAL header, 1 byte (vps id, max sub layers, nesting), then profile_tier_level.
  if (r.length < 15) return null;
  const ptl = r[3]!;
  const space = ptl >> 6;
  const tier = (ptl >> 5) & 1;
  const profile = ptl & 0x1f;
  const compat = ((r[4]! << 24) | (r[5]! << 16) | (r[6]! << 8) | r[7]!) >>> 0;
  let reversed = 0;
  for (let i = 0; i < 32; i++) if (compat & (1 << i)) reversed |= 1 << (31 - i);
  const level = r[14]!;
  const constraint = r[8]!;
  const prefix = ['', 'A', 'B', 'C'][space] ?? '';
  return `hev1.${prefix}${profile}.${(reversed >>> 0).toString(16).toUpperCase()}.${tier ? 'H' : 'L'}${level}.${constraint.toString(16).toUpperCase()}`;
}
