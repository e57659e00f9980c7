/** Strings a hostile client or file may send, for the text rule's tests (issue 18 §1). */

export interface HostileText {
  label: string;
  text: string;
  /** The text rule's verdict in a one-line field: null, accepted. */
  line: 'ill_formed' | 'control' | 'bidi' | null;
}

/** 1 MiB of ordinary text: bounded fields refuse it by length, never by crashing. */
export const MEBIBYTE = 'é'.repeat(512 * 1024);

export const HOSTILE_TEXTS: HostileText[] = [
  { label: 'lone high surrogate', text: '\ud800x', line: 'ill_formed' },
  { label: 'lone low surrogate', text: 'x\udfff', line: 'ill_formed' },
  { label: 'NUL', text: 'ab\u0000cd', line: 'control' },
  { label: 'C0 (ESC sequence)', text: 'a\u001b[2Jb', line: 'control' },
  { label: 'line feed', text: 'a\nb', line: 'control' },
  { label: 'DEL', text: 'a\u007fb', line: 'control' },
  { label: 'C1 (NEL)', text: 'a\u0085b', line: 'control' },
  { label: 'bidi override (RLO)', text: 'dupont\u202egnp.exe', line: 'bidi' },
  { label: 'bidi isolate (RLI…PDI)', text: 'a\u2067b\u2069', line: 'bidi' },
  { label: '4-byte characters', text: 'Caméra 📹 𠀀', line: null },
  { label: 'combining sequences', text: 'Le\u0301a 👍🏽 👨‍👩‍👧', line: null },
  { label: '1 MiB of text', text: MEBIBYTE, line: null },
];
