/**
 * Which devices this post reads, as given to the browser host (`--keyboard PATH
 * --keyboard-protocol pelco-d|pelco-p [--keyboard-baud N]`, `--joystick auto|VID:PID`) or by the
 * technician's panel. Validated here; a bad value is a code, and no device is opened.
 */
import { z } from 'zod';
import { KEYBOARD_BAUDS } from './keyboard-source';

export const keyboardConfigSchema = z.strictObject({
  path: z.string().trim().min(1).max(255),
  protocol: z.enum(['pelco-d', 'pelco-p']),
  baud: z
    .number()
    .int()
    .refine((b) => (KEYBOARD_BAUDS as readonly number[]).includes(b))
    .optional(),
});
export type KeyboardConfig = z.infer<typeof keyboardConfigSchema>;

/** `auto` takes the first joystick or gamepad; `VID:PID` (hex) one device model. */
export type JoystickSelector = { kind: 'auto' } | { kind: 'id'; vendorId: number; productId: number };

export type ConfigResult<T> =
  { ok: true; value: T } | { ok: false; code: 'device.config_invalid'; field: string };

export function parseJoystickSelector(raw: string): ConfigResult<JoystickSelector> {
  const s = raw.trim().toLowerCase();
  if (s === 'auto') return { ok: true, value: { kind: 'auto' } };
  const m = /^([0-9a-f]{4}):([0-9a-f]{4})$/.exec(s);
  if (!m) return { ok: false, code: 'device.config_invalid', field: 'joystick' };
  return { ok: true, value: { kind: 'id', vendorId: parseInt(m[1]!, 16), productId: parseInt(m[2]!, 16) } };
}

/** `auto` or `vvvv:pppp`, as the flag is written. */
export const joystickLabel = (j: JoystickSelector): string =>
  j.kind === 'auto'
    ? 'auto'
    : `${j.vendorId.toString(16).padStart(4, '0')}:${j.productId.toString(16).padStart(4, '0')}`;

export function parseKeyboardConfig(raw: unknown): ConfigResult<KeyboardConfig> {
  const r = keyboardConfigSchema.safeParse(raw);
  if (r.success) return { ok: true, value: r.data };
  return {
    ok: false,
    code: 'device.config_invalid',
    field: String(r.error.issues[0]?.path[0] ?? 'keyboard'),
  };
}
