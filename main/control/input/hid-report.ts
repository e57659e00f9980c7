/** Decodes one HID input report into normalised axes and buttons, using a parsed descriptor layout. */
import {
  AXIS_USAGES,
  PAGE_BUTTON,
  PAGE_GENERIC_DESKTOP,
  USAGE_HAT,
  type AxisName,
  type HidField,
  type HidLayout,
} from './hid-descriptor';

export interface HidState {
  reportId: number;
  /** Absolute axes in [-1, 1], centre at 0 (HID's Y grows downwards: profiles invert it). */
  axes: Partial<Record<AxisName, number>>;
  /** Hat switch direction 0..7 clockwise from north, or null when centred. */
  hat: number | null;
  /** Button number (1-based) → pressed. */
  buttons: Map<number, boolean>;
}

export type ReportResult =
  { ok: true; state: HidState } | { ok: false; code: 'hid.report_unknown' | 'hid.report_short' };

function readBits(buf: Buffer, offset: number, size: number): number {
  let v = 0;
  for (let k = 0; k < size; k++) {
    const bit = offset + k;
    if ((buf[bit >> 3]! >> (bit & 7)) & 1) v += 2 ** k;
  }
  return v;
}

function fieldValue(buf: Buffer, f: HidField): number {
  const raw = readBits(buf, f.bitOffset, f.bitSize);
  if (f.logicalMin < 0 && raw >= 2 ** (f.bitSize - 1)) return raw - 2 ** f.bitSize;
  return raw;
}

/** Splits the report-ID byte off when the device uses IDs (hidraw and node-hid keep it in the buffer). */
export function decodeReport(layout: HidLayout, report: Buffer): ReportResult {
  const reportId = layout.usesReportIds ? (report[0] ?? -1) : 0;
  const payload = layout.usesReportIds ? report.subarray(1) : report;
  const need = layout.reportBytes.get(reportId);
  if (need === undefined) return { ok: false, code: 'hid.report_unknown' };
  if (payload.length < need) return { ok: false, code: 'hid.report_short' };
  const state: HidState = { reportId, axes: {}, hat: null, buttons: new Map() };
  for (const f of layout.fields) {
    if (f.reportId !== reportId) continue;
    const v = fieldValue(payload, f);
    if (f.usagePage === PAGE_BUTTON) {
      state.buttons.set(f.usage, v !== 0);
    } else if (f.usagePage === PAGE_GENERIC_DESKTOP && f.usage === USAGE_HAT) {
      const n = v - f.logicalMin;
      state.hat = v >= f.logicalMin && v <= f.logicalMax && n < 8 ? n : null;
    } else if (f.usagePage === PAGE_GENERIC_DESKTOP && f.usage in AXIS_USAGES && !f.relative) {
      const span = f.logicalMax - f.logicalMin;
      if (span <= 0) continue;
      const name = AXIS_USAGES[f.usage as keyof typeof AXIS_USAGES];
      state.axes[name] = Math.max(-1, Math.min(1, ((v - f.logicalMin) / span) * 2 - 1));
    }
  }
  return { ok: true, state };
}
