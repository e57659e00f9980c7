/**
 * Per-post input settings: dead zone, response curve, axis inversion, button mapping.
 * Typed and validated by zod; anything missing takes the default, anything malformed is refused.
 */
import { z } from 'zod';
import { clampUnit, type Intent } from './intent';

const buttonAction = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('preset'), preset: z.number().int().min(1).max(255) }),
  z.strictObject({ action: z.literal('wall-preset'), preset: z.number().int().min(1).max(255) }),
  z.strictObject({ action: z.literal('call-camera'), camera: z.number().int().min(1).max(9999) }),
  z.strictObject({ action: z.literal('next-camera') }),
  z.strictObject({ action: z.literal('previous-camera') }),
  z.strictObject({ action: z.literal('stop') }),
]);
export type ButtonAction = z.infer<typeof buttonAction>;

export const inputSettingsSchema = z.strictObject({
  /** Fraction of travel around centre that reads as zero. */
  deadZone: z.number().min(0).max(0.5).default(0.08),
  /** Expo factor k of `(1-k)x + kx³`: 0 is linear, 1 is fully cubic. */
  expo: z.number().min(0).max(1).default(0.6),
  invert: z
    .strictObject({
      pan: z.boolean().default(false),
      tilt: z.boolean().default(false),
      zoom: z.boolean().default(false),
    })
    .default({ pan: false, tilt: false, zoom: false }),
  /** Device button number (1-based, as printed) → action. */
  buttons: z
    .record(z.string().regex(/^[1-9][0-9]{0,2}$/), buttonAction)
    .default({ '2': { action: 'previous-camera' }, '3': { action: 'next-camera' } }),
});

export type InputSettings = z.infer<typeof inputSettingsSchema>;

export const DEFAULT_INPUT_SETTINGS: InputSettings = inputSettingsSchema.parse({});

export type SettingsResult =
  | { ok: true; value: InputSettings }
  | { ok: false; code: 'settings.invalid'; issues: { path: string; code: string }[] };

/** Parses untrusted settings (a file, the technician's panel): a clear refusal, never a throw. */
export function parseInputSettings(raw: unknown): SettingsResult {
  const r = inputSettingsSchema.safeParse(raw ?? {});
  if (r.success) return { ok: true, value: r.data };
  return {
    ok: false,
    code: 'settings.invalid',
    issues: r.error.issues.map((i) => ({ path: i.path.join('.'), code: i.code })),
  };
}

/** Dead zone, rescaled so the output still spans the full range, then the expo curve. */
export function shapeAxis(x: number, deadZone: number, expo: number): number {
  const v = clampUnit(x);
  const a = Math.abs(v);
  if (a <= deadZone) return 0;
  const t = (a - deadZone) / (1 - deadZone);
  const curved = (1 - expo) * t + expo * t * t * t;
  return Math.sign(v) * curved;
}

/** Applies the post's inversion to a move, and its button mapping to a button press. */
export function applyDeviceSettings(intent: Intent, s: InputSettings): Intent | null {
  if (intent.kind === 'move') {
    return {
      kind: 'move',
      pan: s.invert.pan ? -intent.pan : intent.pan,
      tilt: s.invert.tilt ? -intent.tilt : intent.tilt,
      zoom: s.invert.zoom ? -intent.zoom : intent.zoom,
    };
  }
  if (intent.kind !== 'button') return intent;
  const mapped = s.buttons[String(intent.button)];
  if (!mapped) return intent;
  if (!intent.pressed) return null; // mapped actions fire on press only
  switch (mapped.action) {
    case 'preset':
      return { kind: 'goto-preset', preset: mapped.preset };
    case 'wall-preset':
      return { kind: 'wall-preset', preset: mapped.preset };
    case 'call-camera':
      return { kind: 'call-camera', camera: mapped.camera };
    case 'next-camera':
      return { kind: 'step-camera', delta: 1 };
    case 'previous-camera':
      return { kind: 'step-camera', delta: -1 };
    case 'stop':
      return { kind: 'stop' };
  }
}
