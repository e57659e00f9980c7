/**
 * The PTZ part of the contract: taking a camera under a lease notified to the CSU, steering it,
 * its presets, the post's input devices and their settings. Main enforces every rule; the console
 * only shows them.
 */
import { channel, event } from './spec';

/** Who holds a camera, as every operator may see it on the tile. */
export interface PtzLeaseView {
  cameraId: number;
  holder: { login: string; name: string; rank: string; service: string; post: string };
  /** 1 operator, 2 supervisor: a higher one may pre-empt. */
  priority: number;
  /** Epoch ms. */
  grantedAt: number;
  expiresAt: number;
  notified: 'csu' | 'override';
}

export type PtzDeviceKind = 'keyboard' | 'joystick';
export interface PtzDeviceView {
  kind: PtzDeviceKind;
  state: 'searching' | 'detecting' | 'connected' | 'disconnected' | 'closed';
  /** Protocol and rate, or the stick's profile, once connected. */
  detail?: string;
  /** `device.unplugged`, `device.open_failed`… when disconnected. */
  reason?: string;
}

export interface PtzStateView {
  /** This post's name: a lease held from another post cannot be steered from here. */
  post: string;
  leases: PtzLeaseView[];
  devices: PtzDeviceView[];
  limits: { defaultMinutes: number; maxMinutes: number };
  /** CSU channels configured (webhook, smtp); none means every take needs a supervisor's override. */
  channels: ('webhook' | 'smtp')[];
}

/** Told to the operator whose lease ended without him releasing it. */
export interface PtzEndedView {
  cameraId: number;
  reason: 'released' | 'expired' | 'preempted';
  /** The supervisor who pre-empted. */
  by?: { name: string; rank: string };
}

/** A camera's driver failed (unreachable, refused login…): the tile says so. Null clears it. */
export interface PtzCameraView {
  cameraId: number;
  error: PtzCameraReason | null;
}

export const PTZ_CAMERA_REASONS = [
  'unreachable',
  'auth_refused',
  'camera_error',
  'no_ptz',
  'bad_preset',
  'credentials_unsafe',
  'bad_config',
  'closed',
] as const;
export type PtzCameraReason = (typeof PTZ_CAMERA_REASONS)[number];

export interface PtzPresetView {
  token: string;
  name: string;
}

/** The post's input settings (validated in main by main/control/input/settings.ts). */
export interface PtzInputSettings {
  deadZone: number;
  expo: number;
  invert: { pan: boolean; tilt: boolean; zoom: boolean };
  buttons: Record<
    string,
    | { action: 'preset' | 'wall-preset'; preset: number }
    | { action: 'call-camera'; camera: number }
    | { action: 'next-camera' | 'previous-camera' | 'stop' }
  >;
}

/** The input devices right now (technician's settings panel): axes in [-1, 1], buttons held by number. */
export interface PtzInputView {
  pan: number;
  tilt: number;
  zoom: number;
  buttons: number[];
}

/** A device's console intent: call a camera onto the selected tile, step, or a wall preset. */
export type PtzConsoleView =
  | { kind: 'call-camera'; camera: number }
  | { kind: 'step-camera'; delta: 1 | -1 }
  | { kind: 'wall-preset'; preset: number };

/** Taking a camera: the event it is for and why, for how long, and a supervisor's override of the CSU notice. */
export interface PtzTakeInput {
  cameraId: number;
  eventRef: string;
  reason: string;
  minutes?: number;
  override?: boolean;
}

/** The on-screen pad and arrow keys, each axis in [-1, 1]; re-sent while held. */
export interface PtzMoveInput {
  cameraId: number;
  pan: number;
  tilt: number;
  zoom: number;
}

export const ptzChannels = {
  'ptz:state': channel<undefined, PtzStateView>(),
  'ptz:take': channel<PtzTakeInput, PtzLeaseView>(),
  'ptz:extend': channel<{ cameraId: number; minutes?: number }, PtzLeaseView>(),
  'ptz:release': channel<{ cameraId: number }, null>(),
  /** The selected tile's camera: the post's devices steer it (null: none). */
  'ptz:select': channel<{ cameraId: number | null }, null>(),
  'ptz:move': channel<PtzMoveInput, null>(),
  'ptz:stop': channel<{ cameraId: number; reason: 'release' | 'blur' }, null>(),
  'ptz:presets': channel<{ cameraId: number }, PtzPresetView[]>(),
  'ptz:goto-preset': channel<{ cameraId: number; token: string }, null>(),
  'ptz:settings-get': channel<undefined, PtzInputSettings>(),
  'ptz:settings-set': channel<PtzInputSettings, PtzInputSettings>(),
};

export const ptzEvents = {
  /** Every lease in force, from every post. */
  'ptz:leases': event<PtzLeaseView[]>(),
  'ptz:devices': event<PtzDeviceView[]>(),
  /** Only to the windows of the operator whose lease ended. */
  'ptz:ended': event<PtzEndedView>(),
  'ptz:camera': event<PtzCameraView>(),
  'ptz:console': event<PtzConsoleView>(),
  'ptz:input': event<PtzInputView>(),
};
