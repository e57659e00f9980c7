/** Input devices → one stream of normalised intents. The public surface of main/joystick. */
export type { DeviceErrorCode, DeviceState, Intent, IntentSource, MoveIntent } from './intent';
export { STOP } from './intent';
export {
  DEFAULT_INPUT_SETTINGS,
  applyDeviceSettings,
  inputSettingsSchema,
  parseInputSettings,
  shapeAxis,
  type ButtonAction,
  type InputSettings,
} from './settings';
export {
  encodePelcoD,
  encodePelcoP,
  PelcoParser,
  BIT,
  EXT,
  type PelcoFrame,
  type PelcoProtocol,
} from './pelco-frames';
export { PelcoIntentMapper, PELCO_MAX_SPEED } from './pelco-intents';
export { KeyboardSource, KEYBOARD_BAUDS, type KeyboardOptions } from './keyboard-source';
export { parseReportDescriptor, type HidLayout } from './hid-descriptor';
export { decodeReport, type HidState } from './hid-report';
export { chooseProfile, PROFILES, type HidProfile } from './hid-profiles';
export {
  JoystickSource,
  type HidBackend,
  type HidCandidate,
  type HidDevice,
  type JoystickOptions,
} from './hid-source';
export {
  joystickLabel,
  keyboardConfigSchema,
  parseJoystickSelector,
  parseKeyboardConfig,
  type JoystickSelector,
  type KeyboardConfig,
} from './device-config';
