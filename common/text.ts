/**
 * The one rule for text that crosses a boundary (an IPC payload, a line of an imported file) on its
 * way to a store or the registry. Plain TypeScript, so main and the renderer apply the same rule.
 *
 * Refused:
 * - text that is not well-formed Unicode (a lone UTF-16 surrogate: SQLite would store U+FFFD);
 * - control characters (C0, DEL, C1; NUL cuts SQLite text), except tab and line feed in multi-line text;
 * - in a one-line field, what makes a line read differently from what it holds: the bidi embeddings,
 *   overrides and isolates (U+202A–U+202E, U+2066–U+2069) and the line and paragraph separators.
 *
 * Emoji and other characters outside the BMP, and combining sequences, are ordinary text.
 */

export type TextProblem = 'ill_formed' | 'control' | 'bidi';
export const TEXT_PROBLEMS = ['ill_formed', 'control', 'bidi'] as const satisfies readonly TextProblem[];

export interface TextOptions {
  /** Tab and line feed allowed, and bidi controls (mixed-direction prose needs them). */
  multiline?: boolean;
}

/* eslint-disable no-control-regex -- finding control characters is the point */
const CONTROL_LINE = /[\p{Cc}\u2028\u2029]/u;
const CONTROL_MULTI = /[\0-\x08\x0b-\x1f\x7f-\x9f]/;
/* eslint-enable no-control-regex */
const BIDI = /[\u202a-\u202e\u2066-\u2069]/;

/** What is wrong with `s` under the rule, or null when it is fit to store. */
export function textProblem(s: string, o: TextOptions = {}): TextProblem | null {
  if (!s.isWellFormed()) return 'ill_formed';
  if ((o.multiline ? CONTROL_MULTI : CONTROL_LINE).test(s)) return 'control';
  if (!o.multiline && BIDI.test(s)) return 'bidi';
  return null;
}

/** The first field of `fields` the rule refuses, with why; null when all pass. */
export function firstTextProblem(
  fields: Record<string, string>,
  o: TextOptions = {},
): { field: string; reason: TextProblem } | null {
  for (const [field, value] of Object.entries(fields)) {
    const reason = textProblem(value, o);
    if (reason) return { field, reason };
  }
  return null;
}

/* eslint-disable-next-line no-control-regex -- replacing control characters is the point */
const VISIBLE = /[\0-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * The same text with what the rule refuses in a one-line field made visible: C0 controls and DEL as
 * their Control Pictures (NUL is U+2400 ␀), lone surrogates, C1 controls, bidi controls and line
 * separators as U+FFFD. What it returns passes the rule, and passing it again changes nothing.
 */
export function visibleText(s: string): string {
  return s.toWellFormed().replace(VISIBLE, (c) => {
    const code = c.charCodeAt(0);
    if (code < 0x20) return String.fromCharCode(0x2400 + code);
    return code === 0x7f ? '\u2421' : '\ufffd';
  });
}
