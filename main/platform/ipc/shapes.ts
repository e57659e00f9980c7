/**
 * The shapes every payload schema in main is built from, defined once: a camera number, a calendar
 * date, a file's bytes in base64, and bounded text that obeys the one text rule (common/text.ts). A refused character is an
 * issue carrying `params.text`, which the router returns as `text_invalid` naming the field.
 */
import { z } from 'zod';
import { textProblem } from '../../../common/text';

/** A camera's number, as the inventory defines it. */
export const cameraId = z.number().int().positive().max(999_999);

/** AAAA-MM-JJ, and a day that exists (2026-02-30 is refused, not rolled over to March). */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((s) => {
    const t = Date.parse(`${s}T00:00:00Z`); // 2026-13-40 is NaN; 2026-02-30 rolls over to March
    return !Number.isNaN(t) && new Date(t).toISOString().startsWith(s);
  });

/** A file's bytes, base64, of at most `maxBytes` once decoded. */
export const base64 = (maxBytes: number) =>
  z
    .string()
    .max(Math.ceil(maxBytes / 3) * 4 + 4)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/);

export interface TextShape {
  /** In UTF-16 code units, as JavaScript counts: an emoji counts two. */
  max: number;
  min?: number;
  /** Tab and line feed allowed (a description, a procedure). */
  multiline?: boolean;
}

/** Bounded text that obeys the text rule; the refusal names its reason for the router. */
export function text(o: TextShape) {
  const bounded = o.min === undefined ? z.string().max(o.max) : z.string().min(o.min).max(o.max);
  return bounded.superRefine((s, ctx) => {
    const problem = textProblem(s, { multiline: o.multiline });
    if (problem) ctx.addIssue({ code: 'custom', message: `text_${problem}`, params: { text: problem } });
  });
}

/** The text reason a zod issue carries, if it is a refusal by the text rule. */
export function textIssueReason(issue: z.core.$ZodIssue | undefined): string | null {
  if (issue?.code !== 'custom') return null;
  const reason = (issue.params as { text?: unknown } | undefined)?.text;
  return typeof reason === 'string' ? reason : null;
}
