/** One interface for every PTZ camera driver; errors are codes in results, never thrown. */

export type PtzErrorCode =
  /** No answer: refused, unroutable, reset, or timed out. */
  | 'ptz.unreachable'
  /** The camera refused the credentials (ONVIF NotAuthorized, HTTP 401). */
  | 'ptz.auth_refused'
  /** The camera answered with a fault or something that is not ONVIF. */
  | 'ptz.camera_error'
  /** The camera has no PTZ configuration in any profile. */
  | 'ptz.no_ptz'
  /** A preset token the driver will not send (unknown, too long, out of range). */
  | 'ptz.bad_preset'
  /** A username or password that could break the SOAP envelope or digest: refused, never sent. */
  | 'ptz.credentials_unsafe'
  /** The inventory's PTZ address is unusable (scheme, port path, address). */
  | 'ptz.bad_config'
  /** The driver was closed. */
  | 'ptz.closed';

export type PtzResult<T = void> =
  | { ok: true; value: T }
  | { ok: false; code: PtzErrorCode; /** English, for the log only. */ detail?: string };

export const done: PtzResult = { ok: true, value: undefined };
export const okValue = <T>(value: T): PtzResult<T> => ({ ok: true, value });
export const fail = (
  code: PtzErrorCode,
  detail?: string,
): { ok: false; code: PtzErrorCode; detail?: string } =>
  detail === undefined ? { ok: false, code } : { ok: false, code, detail };

export interface PtzPreset {
  token: string;
  name: string;
}

export interface PtzDriver {
  /** Continuous velocity, each in [-1, 1]: +pan right, +tilt up, +zoom tele. */
  move(pan: number, tilt: number, zoom: number): Promise<PtzResult>;
  stop(): Promise<PtzResult>;
  presets(): Promise<PtzResult<PtzPreset[]>>;
  gotoPreset(token: string): Promise<PtzResult>;
  close(): Promise<void>;
}
