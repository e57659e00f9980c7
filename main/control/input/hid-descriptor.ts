/**
 * USB HID report-descriptor parser (HID 1.11, §6.2.2): enough to find the axes and buttons of any
 * generic joystick or gamepad. Input items only; constants (padding) advance the bit offset.
 * A malformed descriptor gives an error code, never a throw.
 */

export const PAGE_GENERIC_DESKTOP = 0x01;
export const PAGE_BUTTON = 0x09;

/** Generic Desktop usages we read as axes (HID Usage Tables §4). */
export const AXIS_USAGES = {
  0x30: 'x',
  0x31: 'y',
  0x32: 'z',
  0x33: 'rx',
  0x34: 'ry',
  0x35: 'rz',
  0x36: 'slider',
  0x37: 'dial',
  0x38: 'wheel',
} as const;
export type AxisName = (typeof AXIS_USAGES)[keyof typeof AXIS_USAGES];
export const USAGE_HAT = 0x39;
export const USAGE_JOYSTICK = 0x04;
export const USAGE_GAMEPAD = 0x05;

export interface HidField {
  reportId: number;
  usagePage: number;
  usage: number;
  /** Bit offset inside the report payload (after the report-ID byte, if any). */
  bitOffset: number;
  bitSize: number;
  logicalMin: number;
  logicalMax: number;
  relative: boolean;
  hasNull: boolean;
}

export interface HidLayout {
  /** Top-level application usage (Generic Desktop): 0x04 joystick, 0x05 gamepad. */
  application: number | null;
  usesReportIds: boolean;
  fields: HidField[];
  /** Payload size of each input report, in bytes, by report ID (0 when there are none). */
  reportBytes: Map<number, number>;
}

export type DescriptorResult =
  { ok: true; layout: HidLayout } | { ok: false; code: 'hid.descriptor_invalid'; at: number };

interface Globals {
  usagePage: number;
  logicalMin: number;
  logicalMax: number;
  reportSize: number;
  reportCount: number;
  reportId: number;
}

const MAX_BITS = 8 * 1024;

function readData(d: Buffer, at: number, size: number, signed: boolean): number {
  if (size === 0) return 0;
  if (size === 1) return signed ? d.readInt8(at) : d.readUInt8(at);
  if (size === 2) return signed ? d.readInt16LE(at) : d.readUInt16LE(at);
  return signed ? d.readInt32LE(at) : d.readUInt32LE(at);
}

export function parseReportDescriptor(d: Buffer): DescriptorResult {
  let g: Globals = { usagePage: 0, logicalMin: 0, logicalMax: 0, reportSize: 0, reportCount: 0, reportId: 0 };
  const stack: Globals[] = [];
  let usages: { page: number | null; id: number }[] = [];
  let usageMin: number | null = null;
  let usageMax: number | null = null;
  let depth = 0;
  let application: number | null = null;
  let usesReportIds = false;
  const offsets = new Map<number, number>();
  const fields: HidField[] = [];
  let i = 0;
  const bad = (): DescriptorResult => ({ ok: false, code: 'hid.descriptor_invalid', at: i });

  while (i < d.length) {
    const prefix = d[i]!;
    if (prefix === 0xfe) {
      const len = d[i + 1];
      if (len === undefined) return bad();
      i += 3 + len; // long item: never used by joysticks, skipped
      continue;
    }
    const size = [0, 1, 2, 4][prefix & 3]!;
    const type = (prefix >> 2) & 3;
    const tag = prefix >> 4;
    if (i + 1 + size > d.length) return bad();
    const u = readData(d, i + 1, size, false);
    const s = readData(d, i + 1, size, true);
    if (type === 0) {
      if (tag === 0x8) {
        // Input
        const constant = (u & 0x01) !== 0;
        const variable = (u & 0x02) !== 0;
        const bits = g.reportSize * g.reportCount;
        const at = offsets.get(g.reportId) ?? 0;
        if (g.reportSize > 32 || at + bits > MAX_BITS) return bad();
        const max = g.logicalMin >= 0 && g.logicalMax < g.logicalMin ? g.logicalMax >>> 0 : g.logicalMax;
        if (!constant && variable) {
          for (let k = 0; k < g.reportCount; k++) {
            let page = g.usagePage;
            let usage: number | null = null;
            if (usages.length) {
              const e = usages[Math.min(k, usages.length - 1)]!;
              usage = e.id;
              page = e.page ?? page;
            } else if (usageMin !== null) usage = Math.min(usageMin + k, usageMax ?? usageMin + k);
            if (usage === null) continue;
            fields.push({
              reportId: g.reportId,
              usagePage: page,
              usage,
              bitOffset: at + k * g.reportSize,
              bitSize: g.reportSize,
              logicalMin: g.logicalMin,
              logicalMax: max,
              relative: (u & 0x04) !== 0,
              hasNull: (u & 0x40) !== 0,
            });
          }
        }
        offsets.set(g.reportId, at + bits);
      } else if (tag === 0xa) {
        if (depth === 0 && g.usagePage === PAGE_GENERIC_DESKTOP && usages.length)
          application ??= usages[0]!.id;
        depth++;
      } else if (tag === 0xc) {
        if (depth === 0) return bad();
        depth--;
      }
      usages = [];
      usageMin = usageMax = null;
    } else if (type === 1) {
      if (tag === 0x0) g.usagePage = u;
      else if (tag === 0x1) g.logicalMin = s;
      else if (tag === 0x2) g.logicalMax = s;
      else if (tag === 0x7) g.reportSize = u;
      else if (tag === 0x8) {
        if (u === 0 || u > 255) return bad();
        g.reportId = u;
        usesReportIds = true;
      } else if (tag === 0x9) g.reportCount = u;
      else if (tag === 0xa) stack.push({ ...g });
      else if (tag === 0xb) {
        const top = stack.pop();
        if (!top) return bad();
        g = top;
      }
    } else if (type === 2) {
      if (tag === 0x0) usages.push(size === 4 ? { page: u >>> 16, id: u & 0xffff } : { page: null, id: u });
      else if (tag === 0x1) usageMin = u & 0xffff;
      else if (tag === 0x2) usageMax = u & 0xffff;
    } else return bad();
    if (g.reportCount > 1024) return bad();
    i += 1 + size;
  }
  if (depth !== 0) return bad();
  const reportBytes = new Map<number, number>();
  for (const [id, bits] of offsets) reportBytes.set(id, Math.ceil(bits / 8));
  return { ok: true, layout: { application, usesReportIds, fields, reportBytes } };
}
