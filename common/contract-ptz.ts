/**
 * The PTZ part of the contract: taking a camera under a lease notified to the CSU, steering it,
 * its presets, the post's input devices and their settings. Pure TypeScript, hooked into
 * common/contract.ts. Main enforces every rule; the console only shows them.
 */

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

/** The post's input settings (validated in main by main/joystick/settings.ts). */
export interface PtzInputSettings {
  deadZone: number;
  expo: number;
  invert: { pan: boolean; tilt: boolean; zoom: boolean };
  buttons: Record<
    string,
    | { action: 'preset' | 'wall-preset'; preset: number }
    | { action: 'next-camera' | 'previous-camera' | 'stop' }
  >;
}

/** A device's console intent: call a camera onto the selected tile, step, or a wall preset. */
export type PtzConsoleView =
  | { kind: 'call-camera'; camera: number }
  | { kind: 'step-camera'; delta: 1 | -1 }
  | { kind: 'wall-preset'; preset: number };

export interface PtzRequestMap {
  'ptz:state': undefined;
  'ptz:take': { cameraId: number; eventRef: string; reason: string; minutes?: number; override?: boolean };
  'ptz:extend': { cameraId: number; minutes?: number };
  'ptz:release': { cameraId: number };
  /** The selected tile's camera: the post's devices steer it (null: none). */
  'ptz:select': { cameraId: number | null };
  /** The on-screen pad and arrow keys, each axis in [-1, 1]; re-sent while held. */
  'ptz:move': { cameraId: number; pan: number; tilt: number; zoom: number };
  'ptz:stop': { cameraId: number; reason: 'release' | 'blur' };
  'ptz:presets': { cameraId: number };
  'ptz:goto-preset': { cameraId: number; token: string };
  'ptz:settings-get': undefined;
  'ptz:settings-set': PtzInputSettings;
}

export interface PtzResponseMap {
  'ptz:state': PtzStateView;
  'ptz:take': PtzLeaseView;
  'ptz:extend': PtzLeaseView;
  'ptz:release': null;
  'ptz:select': null;
  'ptz:move': null;
  'ptz:stop': null;
  'ptz:presets': PtzPresetView[];
  'ptz:goto-preset': null;
  'ptz:settings-get': PtzInputSettings;
  'ptz:settings-set': PtzInputSettings;
}

export const PTZ_CHANNELS: { [C in keyof PtzRequestMap]: true } = {
  'ptz:state': true,
  'ptz:take': true,
  'ptz:extend': true,
  'ptz:release': true,
  'ptz:select': true,
  'ptz:move': true,
  'ptz:stop': true,
  'ptz:presets': true,
  'ptz:goto-preset': true,
  'ptz:settings-get': true,
  'ptz:settings-set': true,
};

export interface PtzEventMap {
  /** Every lease in force, from every post. */
  'ptz:leases': PtzLeaseView[];
  'ptz:devices': PtzDeviceView[];
  /** Only to the windows of the operator whose lease ended. */
  'ptz:ended': PtzEndedView;
  'ptz:camera': PtzCameraView;
  'ptz:console': PtzConsoleView;
}

export const PTZ_EVENTS: { [E in keyof PtzEventMap]: true } = {
  'ptz:leases': true,
  'ptz:devices': true,
  'ptz:ended': true,
  'ptz:camera': true,
  'ptz:console': true,
};
