/**
 * The demo PTZ camera's head: where it points, integrating ContinuousMove velocities over time
 * until Stop or the move's Timeout, as a real camera does. Pan and tilt run from -1 to 1 (the
 * panorama's edges), zoom from 0 (wide) to 1 (tele). Pure: the clock is given.
 */
export interface Pose {
  pan: number;
  tilt: number;
  zoom: number;
}

/** At full speed the head crosses its whole range (-1 to 1) in 4 s, and zooms fully in 2 s. */
export const PAN_RATE = 0.5;
export const ZOOM_RATE = 0.5;
/** A move the camera was not told to stop ends by itself after at most this long (ONVIF Timeout). */
export const MAX_MOVE_MS = 60_000;

const clamp = (v: number, lo: number, hi: number): number =>
  Number.isFinite(v) ? Math.max(lo, Math.min(hi, v)) : 0;

export class DemoHead {
  private pose: Pose = { pan: 0, tilt: 0, zoom: 0 };
  private velocity: Pose = { pan: 0, tilt: 0, zoom: 0 };
  private since: number;
  private until: number;

  constructor(private readonly now: () => number = () => performance.now()) {
    this.since = now();
    this.until = this.since;
  }

  /** Velocities in [-1, 1] (+pan right, +tilt up, +zoom tele) for at most `timeoutMs`. */
  move(v: Pose, timeoutMs: number): void {
    this.settle();
    this.velocity = { pan: clamp(v.pan, -1, 1), tilt: clamp(v.tilt, -1, 1), zoom: clamp(v.zoom, -1, 1) };
    this.until = this.since + clamp(timeoutMs, 0, MAX_MOVE_MS);
  }

  stop(): void {
    this.settle();
    this.velocity = { pan: 0, tilt: 0, zoom: 0 };
  }

  goto(p: Pose): void {
    this.stop();
    this.pose = { pan: clamp(p.pan, -1, 1), tilt: clamp(p.tilt, -1, 1), zoom: clamp(p.zoom, 0, 1) };
  }

  moving(): boolean {
    this.settle();
    return this.velocity.pan !== 0 || this.velocity.tilt !== 0 || this.velocity.zoom !== 0;
  }

  position(): Pose {
    this.settle();
    return { ...this.pose };
  }

  private settle(): void {
    const now = this.now();
    const t = Math.min(now, this.until);
    const dt = Math.max(0, t - this.since) / 1000;
    const v = this.velocity;
    this.pose = {
      pan: clamp(this.pose.pan + v.pan * PAN_RATE * dt, -1, 1),
      tilt: clamp(this.pose.tilt + v.tilt * PAN_RATE * dt, -1, 1),
      zoom: clamp(this.pose.zoom + v.zoom * ZOOM_RATE * dt, 0, 1),
    };
    this.since = now;
    if (now >= this.until) this.velocity = { pan: 0, tilt: 0, zoom: 0 };
  }
}

export interface Window {
  x: number;
  y: number;
  w: number;
  h: number;
}

/**
 * The part of the panorama (width × height) the head sees: at zoom 0 half the panorama's width,
 * at zoom 1 an eighth; pan and tilt move it edge to edge (+tilt is up). Whole even pixels, inside.
 */
export function windowOf(p: Pose, width: number, height: number): Window {
  const even = (v: number): number => Math.max(0, Math.floor(v / 2) * 2);
  const w = even(width * (0.5 - 0.375 * clamp(p.zoom, 0, 1)));
  const h = even((w * height) / width);
  const x = even(((width - w) * (1 + clamp(p.pan, -1, 1))) / 2);
  const y = even(((height - h) * (1 - clamp(p.tilt, -1, 1))) / 2);
  return { x: Math.min(x, width - w), y: Math.min(y, height - h), w, h };
}
