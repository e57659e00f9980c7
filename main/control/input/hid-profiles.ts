/**
 * Profiles map a decoded HID state to a move: which axis pans, tilts and zooms, and which way.
 * A 3-axis CCTV stick zooms with its twist (Rz); a generic gamepad with its right stick.
 */
import { USAGE_GAMEPAD, type AxisName, type HidLayout } from './hid-descriptor';
import type { HidState } from './hid-report';
import type { MoveIntent } from './intent';

interface AxisRef {
  axis: AxisName;
  /** HID axes grow right/down/clockwise; an inverted ref makes "up" and "tele" positive. */
  invert: boolean;
}

export interface HidProfile {
  id: 'cctv-3axis' | 'gamepad';
  pan: AxisRef;
  tilt: AxisRef;
  zoom: AxisRef[];
}

export const PROFILES: Record<HidProfile['id'], HidProfile> = {
  'cctv-3axis': {
    id: 'cctv-3axis',
    pan: { axis: 'x', invert: false },
    tilt: { axis: 'y', invert: true },
    // Twist clockwise zooms in; sticks without a twist fall back to a Z axis.
    zoom: [
      { axis: 'rz', invert: false },
      { axis: 'z', invert: false },
    ],
  },
  gamepad: {
    id: 'gamepad',
    pan: { axis: 'x', invert: false },
    tilt: { axis: 'y', invert: true },
    // Right stick, pushed up to zoom in: Rz on most pads, Ry on XInput-style ones.
    zoom: [
      { axis: 'rz', invert: true },
      { axis: 'ry', invert: true },
    ],
  },
};

/** Devices known by VID:PID; anything else is chosen from its descriptor's application usage. */
const KNOWN: Record<string, HidProfile['id']> = {
  '046d:c215': 'cctv-3axis', // Logitech Extreme 3D Pro
};

const hex4 = (n: number): string => n.toString(16).padStart(4, '0');

export function chooseProfile(layout: HidLayout, vendorId: number, productId: number): HidProfile {
  const known = KNOWN[`${hex4(vendorId)}:${hex4(productId)}`];
  if (known) return PROFILES[known];
  return layout.application === USAGE_GAMEPAD ? PROFILES.gamepad : PROFILES['cctv-3axis'];
}

const read = (s: HidState, r: AxisRef): number | undefined => {
  const v = s.axes[r.axis];
  return v === undefined ? undefined : r.invert ? -v : v;
};

/** Below this every axis reads as centred: a stick at rest is a stop, not a tiny move. */
export const REST = 0.01;

export function toMove(p: HidProfile, s: HidState): MoveIntent | null {
  const pan = read(s, p.pan) ?? 0;
  const tilt = read(s, p.tilt) ?? 0;
  let zoom = 0;
  for (const r of p.zoom) {
    const z = read(s, r);
    if (z !== undefined) {
      zoom = z;
      break;
    }
  }
  if (Math.abs(pan) < REST && Math.abs(tilt) < REST && Math.abs(zoom) < REST) return null;
  return { kind: 'move', pan, tilt, zoom };
}
