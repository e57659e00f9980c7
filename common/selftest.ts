/**
 * The commissioning self-test's shapes and codes, shared by main (CLI, PDF) and the technician's
 * screen. Codes cross the boundary; each side words them (fr/en catalogues, French labels in main).
 */
export const CHECK_GROUPS = [
  'displays',
  'inputs',
  'cameras',
  'ptz',
  'registry',
  'clock',
  'wall',
  'csu',
] as const;
export type CheckGroup = (typeof CHECK_GROUPS)[number];

export type CheckStatus = 'pass' | 'warn' | 'fail';

export const SELFTEST_CODES = [
  'clock_ok',
  'clock_drift',
  'clock_not_configured',
  'clock_bad_server',
  'clock_timeout',
  'clock_unreachable',
  'clock_bad_reply',
  'clock_unsynchronised',
  'registry_writable',
  'registry_not_writable',
  'registry_disk_full',
  'registry_verified',
  'registry_broken',
  'registry_store_ok',
  'registry_store_unreachable',
  'cameras_none',
  'camera_ok',
  'camera_transcoded',
  'camera_unreachable',
  'camera_auth',
  'camera_codec',
  'camera_ended',
  'camera_no_keyframe',
  'camera_error',
  'ptz_none',
  'ptz_ok',
  'ptz_pelco_one_way',
  'ptz_port_missing',
  'ptz_unreachable',
  'ptz_auth_refused',
  'ptz_camera_error',
  'ptz_no_ptz',
  'ptz_bad_config',
  'ptz_credentials_unsafe',
  'ptz_bad_preset',
  'ptz_closed',
  'keyboard_present',
  'keyboard_missing',
  'joystick_present',
  'joystick_missing',
  'hid_unavailable',
  'inputs_none_configured',
  'displays_unavailable',
  'displays_ok',
  'wall_display_missing',
  'wall_none',
  'wall_up',
  'wall_unreachable',
  'wall_refused_by_wall',
  'wall_pin_mismatch',
  'csu_delivered',
  'csu_failed',
  'csu_config_invalid',
  'csu_none',
  'check_failed',
] as const;
export type SelftestCode = (typeof SELFTEST_CODES)[number];

export interface CheckResult {
  group: CheckGroup;
  /** What was checked: a camera number, a device, a server. */
  subject: string;
  status: CheckStatus;
  code: SelftestCode;
  params?: Record<string, string | number>;
}

export interface SelftestReport {
  version: 1;
  at: string;
  post: string;
  technician: string;
  app: { version: string; host: 'electron' | 'browser' | 'cli' };
  results: CheckResult[];
  summary: { pass: number; warn: number; fail: number };
}
