/**
 * The one stream every input device produces. The PTZ loop consumes these and never knows whether
 * they came from a serial CCTV keyboard, a USB joystick or the on-screen pad.
 */

/** Raw deflection of the stick, each axis in [-1, 1]: +pan right, +tilt up, +zoom tele. */
export interface MoveIntent {
  kind: 'move';
  pan: number;
  tilt: number;
  zoom: number;
}

export type Intent =
  | MoveIntent
  | { kind: 'stop' }
  | { kind: 'goto-preset'; preset: number }
  /** "Call camera N onto the selected tile", as typed on a CCTV keyboard. */
  | { kind: 'call-camera'; camera: number }
  /** Step through cameras (joystick buttons): +1 next, -1 previous. */
  | { kind: 'step-camera'; delta: 1 | -1 }
  | { kind: 'wall-preset'; preset: number }
  /** A device button with no mapping; 1-based, as printed on the device. */
  | { kind: 'button'; button: number; pressed: boolean };

export const STOP: Intent = Object.freeze({ kind: 'stop' });

/** Connection state of an input device: an explicit machine, reported to whoever shows the indicator. */
export type DeviceState =
  | { state: 'searching' }
  | { state: 'detecting' }
  | { state: 'connected'; detail: string }
  | { state: 'disconnected'; reason: DeviceErrorCode }
  | { state: 'closed' };

/** Codes, never sentences: the renderer's catalogues hold the words. */
export type DeviceErrorCode =
  'device.unplugged' | 'device.open_failed' | 'device.read_failed' | 'device.no_frames';

/** What every source offers: intents out, state out, and close. */
export interface IntentSource {
  on(event: 'intent', listener: (intent: Intent) => void): this;
  on(event: 'state', listener: (state: DeviceState) => void): this;
  readonly state: DeviceState;
  close(): Promise<void>;
}

export const clampUnit = (v: number): number => (Number.isFinite(v) ? Math.max(-1, Math.min(1, v)) : 0);
