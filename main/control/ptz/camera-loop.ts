/**
 * The control loop for one camera, device-agnostic: dead zone and curve, 16 speed steps; speed
 * changes at most every 100 ms; a keepalive every 500 ms while held; one request in flight, newest
 * wins; Stop on release; a watchdog that stops the camera when input falls silent.
 * Time comes from an injected clock, so tests drive it with mock timers.
 */
import { shapeAxis, type InputSettings } from '../input';
import type { PtzDriver, PtzErrorCode, PtzResult } from './driver';

export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(t: unknown): void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (t) => clearTimeout(t as NodeJS.Timeout),
};

export interface LoopTiming {
  minIntervalMs: number;
  keepaliveMs: number;
  watchdogMs: number;
  steps: number;
  stopRetries: number;
}

export const DEFAULT_TIMING: LoopTiming = {
  minIntervalMs: 100,
  keepaliveMs: 500,
  watchdogMs: 1000,
  steps: 16,
  stopRetries: 3,
};

export type StopReason =
  'release' | 'watchdog' | 'blur' | 'unplug' | 'lease-end' | 'lock' | 'logout' | 'quit' | 'deselect';

export interface Speeds {
  pan: number;
  tilt: number;
  zoom: number;
}

export type LoopEvent =
  | { type: 'command'; command: 'move'; speeds: Speeds; at: number }
  | { type: 'command'; command: 'stop' | 'preset'; at: number }
  | { type: 'stopped'; reason: StopReason }
  | { type: 'error'; code: PtzErrorCode };

export function quantise(v: number, steps: number): number {
  if (v === 0) return 0;
  return (Math.sign(v) * Math.ceil(Math.abs(v) * steps - 1e-9)) / steps;
}

const same = (a: Speeds | null, b: Speeds | null): boolean =>
  a !== null && b !== null && a.pan === b.pan && a.tilt === b.tilt && a.zoom === b.zoom;

/** What the loop wants the camera to do, and what it last told it: the state machine. */
type Want = { kind: 'still' } | { kind: 'move'; speeds: Speeds } | { kind: 'preset'; token: string };

export class CameraLoop {
  private want: Want = { kind: 'still' };
  /** Last command sent: a move's speeds, or null after Stop/preset (the camera is not moving by us). */
  private sent: Speeds | null = null;
  private lastSentAt = -Infinity;
  private inFlight = false;
  private stopFailures = 0;
  private timer: unknown = null;
  private watchdog: unknown = null;
  private lastError: PtzErrorCode | null = null;
  private idleWaiters: (() => void)[] = [];

  constructor(
    readonly driver: PtzDriver,
    private settings: InputSettings,
    private readonly emit: (e: LoopEvent) => void,
    private readonly clock: Clock = systemClock,
    private readonly timing: LoopTiming = DEFAULT_TIMING,
  ) {}

  setSettings(s: InputSettings): void {
    this.settings = s;
  }

  /** Raw stick deflection in [-1, 1]. */
  input(pan: number, tilt: number, zoom: number): void {
    const { deadZone, expo } = this.settings;
    const q = (v: number): number => quantise(shapeAxis(v, deadZone, expo), this.timing.steps);
    const speeds = { pan: q(pan), tilt: q(tilt), zoom: q(zoom) };
    if (!speeds.pan && !speeds.tilt && !speeds.zoom) return this.release('release');
    this.armWatchdog();
    this.want = { kind: 'move', speeds };
    this.pump();
  }

  release(reason: StopReason): void {
    this.disarmWatchdog();
    const wasMoving = this.want.kind === 'move' || this.sent !== null;
    if (this.want.kind === 'move') this.want = { kind: 'still' };
    if (wasMoving) this.emit({ type: 'stopped', reason });
    this.stopFailures = 0;
    this.pump();
  }

  gotoPreset(token: string): void {
    this.disarmWatchdog();
    this.want = { kind: 'preset', token };
    this.pump();
  }

  /** Resolves once nothing is in flight or pending (a Stop has gone out, or failed). */
  idle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((r) => this.idleWaiters.push(r));
  }

  private isIdle(): boolean {
    return (
      !this.inFlight &&
      this.want.kind === 'still' &&
      (this.sent === null || this.stopFailures > this.timing.stopRetries)
    );
  }

  private armWatchdog(): void {
    this.disarmWatchdog();
    this.watchdog = this.clock.setTimeout(() => {
      this.watchdog = null;
      if (this.want.kind === 'move') this.release('watchdog');
    }, this.timing.watchdogMs);
  }

  private disarmWatchdog(): void {
    if (this.watchdog !== null) this.clock.clearTimeout(this.watchdog);
    this.watchdog = null;
  }

  private schedule(at: number): void {
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = this.clock.setTimeout(
      () => {
        this.timer = null;
        this.pump();
      },
      Math.max(0, at - this.clock.now()),
    );
  }

  private pump(): void {
    if (this.inFlight) return; // newest wins: whatever `want` holds when this request ends goes next
    const now = this.clock.now();
    const w = this.want;
    if (w.kind === 'preset') {
      this.want = { kind: 'still' };
      return this.send('preset', () => this.driver.gotoPreset(w.token), null);
    }
    if (w.kind === 'still') {
      if (this.sent === null || this.stopFailures > this.timing.stopRetries) return this.settle();
      if (this.stopFailures > 0 && now < this.lastSentAt + this.timing.minIntervalMs)
        return this.schedule(this.lastSentAt + this.timing.minIntervalMs);
      return this.send('stop', () => this.driver.stop(), null);
    }
    const due =
      this.lastSentAt + (same(w.speeds, this.sent) ? this.timing.keepaliveMs : this.timing.minIntervalMs);
    if (now < due) return this.schedule(due);
    const s = w.speeds;
    this.send('move', () => this.driver.move(s.pan, s.tilt, s.zoom), s);
  }

  private send(
    command: 'move' | 'stop' | 'preset',
    run: () => Promise<PtzResult>,
    speeds: Speeds | null,
  ): void {
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
    this.inFlight = true;
    const at = this.clock.now();
    this.lastSentAt = at;
    const previous = this.sent;
    if (command !== 'stop') this.sent = speeds;
    this.emit(
      command === 'move'
        ? { type: 'command', command, speeds: speeds!, at }
        : { type: 'command', command, at },
    );
    const finish = (r: PtzResult): void => {
      this.inFlight = false;
      if (r.ok) {
        this.lastError = null;
        if (command === 'stop') {
          this.sent = null;
          this.stopFailures = 0;
        }
      } else {
        if (command === 'stop') this.stopFailures++;
        if (command === 'preset') this.sent = previous;
        if (r.code !== this.lastError) this.emit({ type: 'error', code: r.code });
        this.lastError = r.code;
      }
      this.pump();
    };
    run().then(finish, (e: unknown) => {
      finish({ ok: false, code: 'ptz.camera_error', detail: String(e) });
    });
  }

  private settle(): void {
    if (!this.isIdle()) return;
    for (const w of this.idleWaiters.splice(0)) w();
  }

  dispose(): void {
    this.disarmWatchdog();
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
    for (const w of this.idleWaiters.splice(0)) w();
  }
}
