/**
 * The PTZ control surface for one post: cameras attached while their lease is held, one selected
 * camera that the stream of intents steers, and stopAll(reason) for blur, unplug, lease end, lock,
 * logout and quit. It never knows which device an intent came from.
 */
import { EventEmitter } from 'node:events';
import { DEFAULT_INPUT_SETTINGS, type InputSettings, type Intent } from '../input';
import {
  CameraLoop,
  DEFAULT_TIMING,
  systemClock,
  type Clock,
  type LoopEvent,
  type LoopTiming,
  type StopReason,
} from './camera-loop';
import type { PtzDriver } from './driver';

export type ControlEvent = LoopEvent & { camera: string };

/** Intents the console (not the camera) handles: calling a camera onto the tile, stepping, wall presets. */
export type ConsoleIntent = Extract<
  Intent,
  { kind: 'call-camera' | 'step-camera' | 'wall-preset' | 'button' }
>;

export interface PtzControlOptions {
  settings?: InputSettings;
  clock?: Clock;
  timing?: Partial<LoopTiming>;
}

export class PtzControl extends EventEmitter<{ event: [ControlEvent]; console: [ConsoleIntent] }> {
  private readonly loops = new Map<string, CameraLoop>();
  private selected: string | null = null;
  private settings: InputSettings;
  private readonly clock: Clock;
  private readonly timing: LoopTiming;

  constructor(opts: PtzControlOptions = {}) {
    super();
    this.settings = opts.settings ?? DEFAULT_INPUT_SETTINGS;
    this.clock = opts.clock ?? systemClock;
    this.timing = { ...DEFAULT_TIMING, ...opts.timing };
  }

  /** Control granted (the lease side calls this once the CSU was notified). The control owns the driver. */
  attach(camera: string, driver: PtzDriver): void {
    const old = this.loops.get(camera);
    if (old) void this.detach(camera, 'lease-end');
    const loop = new CameraLoop(
      driver,
      this.settings,
      (e) => this.emit('event', { ...e, camera }),
      this.clock,
      this.timing,
    );
    this.loops.set(camera, loop);
  }

  /** Control withdrawn: Stop goes out first, then the driver is closed. */
  async detach(camera: string, reason: StopReason): Promise<void> {
    const loop = this.loops.get(camera);
    if (!loop) return;
    this.loops.delete(camera);
    if (this.selected === camera) this.selected = null;
    loop.release(reason);
    await loop.idle();
    loop.dispose();
    await loop.driver.close();
  }

  isAttached(camera: string): boolean {
    return this.loops.has(camera);
  }

  /** The camera of the selected tile; moving to another one stops the previous. */
  select(camera: string | null): void {
    if (camera === this.selected) return;
    if (this.selected) this.loops.get(this.selected)?.release('deselect');
    this.selected = camera;
  }

  setSettings(s: InputSettings): void {
    this.settings = s;
    for (const l of this.loops.values()) l.setSettings(s);
  }

  handle(intent: Intent): void {
    const loop = this.selected ? this.loops.get(this.selected) : undefined;
    switch (intent.kind) {
      case 'move':
        return loop?.input(intent.pan, intent.tilt, intent.zoom);
      case 'stop':
        return loop?.release('release');
      case 'goto-preset':
        return loop?.gotoPreset(String(intent.preset));
      default:
        this.emit('console', intent);
    }
  }

  /** A preset by its driver token (ONVIF tokens are strings). */
  gotoPreset(token: string): void {
    const loop = this.selected ? this.loops.get(this.selected) : undefined;
    loop?.gotoPreset(token);
  }

  /** Stops every camera this post is moving; resolves when each Stop has gone out (or failed). */
  async stopAll(reason: StopReason): Promise<void> {
    const loops = [...this.loops.values()];
    for (const l of loops) l.release(reason);
    await Promise.all(loops.map((l) => l.idle()));
  }

  /** Quit: stop everything, then close every driver. */
  async close(): Promise<void> {
    await Promise.all([...this.loops.keys()].map((c) => this.detach(c, 'quit')));
  }
}
