/**
 * Every error code main may return, with the reasons that refine it. Codes and their parameters
 * cross the boundary; the sentences live in the renderer's catalogues (`error.<code>` or
 * `error.<code>.<reason>`), so the English console shows no French.
 */
import { PTZ_CAMERA_REASONS } from './contract';
import { TEXT_PROBLEMS } from './text';

export const ERROR_REASONS = {
  unknown_channel: [],
  /** params field: the payload's field at fault (`entries.2.label`). */
  invalid_payload: [],
  /** A text field refused by the text rule (common/text.ts); params field, and the reason. */
  text_invalid: TEXT_PROBLEMS,
  internal: [],
  disconnected: [],
  unauthenticated: [],
  locked: [],
  forbidden: ['role', 'origin', 'images'],
  /** credentials: unknown login or wrong password, never told apart. */
  login_refused: ['credentials', 'locked_out', 'expired', 'disabled', 'password', 'unlock_failures'],
  invalid_login: [],
  invalid_role: [],
  invalid_validity: [],
  password_required: [],
  /** Comptes: no such account; unlock of an account not blocked; disabling one's own account. */
  account_unknown: [],
  account_not_locked: [],
  account_self: [],
  weak_password: [],
  missing_field: [],
  file_unreadable: [],
  /** The stored inventory failed to load at start-up: the post has no cameras until an import. */
  stored_inventory_invalid: [],
  invalid_inventory: [],
  /** Refused in the renderer before sending: params size and max, in MiB. */
  file_too_large: [],
  preview_expired: [],
  disk_full: [],
  /** The CIC's shared database (--store) cannot be reached: nothing was saved. */
  store_unreachable: [],
  storage_denied: [],
  storage_error: [],
  /**
   * The access registry cannot write (article 2): the access asked for is refused, nothing is shown
   * unrecorded. disk_full: the data directory's disk is full; write_error: any other write failure.
   */
  registry_unable_to_write: ['disk_full', 'write_error'],
  /**
   * The rack PC's wall does not answer. `refused_by_wall`: the rack PC refuses this console's
   * certificate (its --peer-pin); `wall_pin_mismatch`: its certificate is not this --wall-pin.
   */
  wall_unreachable: ['timeout', 'refused_by_wall', 'wall_pin_mismatch'],
  /** A replayed or out-of-order command on the wall link. */
  wall_replay: [],
  display_not_configured: [],
  /** The wall display did not do it: params `model`, and `reason` below. */
  display_failed: ['timeout', 'refused', 'reply', 'unknown_command', 'port'],
  /** PTZ, application side: the camera's driver failed, or the camera has no PTZ. */
  ptz_camera: PTZ_CAMERA_REASONS,
  not_ptz_camera: [],
  /** Video wall: params id (camera), name (preset). */
  wall_unknown_camera: [],
  wall_invalid_tour: [],
  wall_preset_name: [],
  wall_preset_unknown: [],
  wall_preset_limit: [],
  wall_key_refused: [],
  /** PTZ takeover lease (convention, article 3). ptz_held: name and post of the holder. */
  ptz_held: [],
  /** This post is already notifying the CSU for this camera. */
  ptz_busy: [],
  ptz_not_held: [],
  ptz_event_required: [],
  /** max: minutes. */
  lease_too_long: [],
  /** No CSU channel delivered the notice: none configured, or every one failed. */
  csu_unreached: ['none_configured', 'failed'],
  /** A CSU notification option is malformed: option names it. */
  csu_config_invalid: [],
  lease_store_unreachable: [],
  lease_store_invalid: [],
  /** Common instructions refused; the current version stays. Params: max (MiB), label, count. */
  instructions_invalid: [
    'too_large',
    'empty',
    'encoding',
    'format',
    'not_pdf',
    'pdf_unreadable',
    'no_category',
    'category_too_long',
    /** params label (made visible), text: the text rule's reason. */
    'category_text',
    'too_many_categories',
    'duplicate_category',
    'too_complex',
  ],
  instructions_unknown_version: [],
  /** Incident report refused. Params: category, id (camera), minutes. */
  incident_invalid: ['no_instructions', 'category', 'camera', 'future', 'description'],
  /** Contacts refused; params: line (1-based), max. */
  contacts_invalid: ['number', 'label', 'notes', 'procedure'],
  /** Special operations: the reason names the field or rule (params: max, id, name). */
  operation_invalid: [
    'name',
    'requester',
    'legal_ref',
    'cameras',
    'unknown_camera',
    'preset',
    'start',
    'end',
    'end_before_start',
    'too_long',
    'end_past',
  ],
  operation_unknown: [],
  /** Not allowed in the operation's present state (params: state). */
  operation_state: [],
  /** Site map: a plan needs two or three reference points (params count). */
  map_no_points: [],
  map_points_invalid: ['identical', 'collinear', 'outside', 'count'],
  /** damaged: cut short, a bad chunk or a broken compressed stream (decoded in a worker before acceptance). */
  map_image_invalid: ['format', 'too_large', 'dimensions', 'damaged'],
  /** params path: the file or folder at fault. not_file: a pipe, socket or device; timeout: its read never ended. */
  map_tiles_invalid: [
    'folder',
    'empty',
    'shape',
    'symlink',
    'not_png',
    'too_large',
    'too_many',
    'damaged',
    'not_file',
    'timeout',
    'unreadable',
  ],
  /** The annual report: the registry or the status history could not be read; `cancelled`: a newer run replaced it. */
  report_failed: ['cancelled'],
  /** Long jobs in a worker thread (main/jobs): failed (crashed, out of memory), cancelled, or too many at once. */
  job_failed: [],
  job_cancelled: [],
  /** Ended at its deadline (an imported file too slow to read): nothing changed. */
  job_timeout: [],
  jobs_busy: [],
  /** A heavy channel (the plan, tiles, an export…) asked for faster than its rate limit (main/ipc/rate-limit.ts). */
  too_many_requests: [],
} as const satisfies Record<string, readonly string[]>;

export type ErrorCode = keyof typeof ERROR_REASONS;
export type ErrorReason<C extends ErrorCode> = (typeof ERROR_REASONS)[C][number];
export const ERROR_CODES = Object.keys(ERROR_REASONS) as ErrorCode[];

/** `error.login_refused.expired`, `error.internal`, …: every catalogue key an error can use. */
export type ErrorKey = {
  [C in ErrorCode]: `error.${C}` | `error.${C}.${ErrorReason<C>}`;
}[ErrorCode];

export function errorKeys(): string[] {
  return ERROR_CODES.flatMap((c) => [`error.${c}`, ...ERROR_REASONS[c].map((r) => `error.${c}.${r}`)]);
}

export type StorageErrorCode = 'disk_full' | 'storage_denied' | 'store_unreachable' | 'storage_error';
