import { test } from 'node:test';
import assert from 'node:assert/strict';
import { firstTextProblem, textProblem, visibleText } from './text';

/** Hostile or unusual text, and what the rule says of it in a one-line and in a multi-line field. */
const CASES: [label: string, text: string, line: string | null, multi: string | null][] = [
  ['lone high surrogate', '\ud800x', 'ill_formed', 'ill_formed'],
  ['lone low surrogate', 'x\udc00', 'ill_formed', 'ill_formed'],
  ['swapped pair', '\ude00\ud83d', 'ill_formed', 'ill_formed'],
  ['NUL', 'ab\u0000cd', 'control', 'control'],
  ['BEL', 'a\u0007', 'control', 'control'],
  ['ESC sequence', '\u001b[31mrouge', 'control', 'control'],
  ['carriage return', 'a\rb', 'control', 'control'],
  ['DEL', 'a\u007f', 'control', 'control'],
  ['C1 (NEL)', 'a\u0085b', 'control', 'control'],
  ['C1 (CSI)', 'a\u009bb', 'control', 'control'],
  ['tab', 'a\tb', 'control', null],
  ['line feed', 'a\nb', 'control', null],
  ['line separator', 'a\u2028b', 'control', null],
  ['RLO override', 'dupont\u202egpj.exe', 'bidi', null],
  ['LRE embedding', '\u202aabc', 'bidi', null],
  ['RLI isolate', '\u2067abc\u2069', 'bidi', null],
  ['emoji (4 bytes)', 'Caméra 📹 🚓', null, null],
  ['CJK extension B', '𠀀𪚥', null, null],
  ['combining sequences', 'e\u0301 a\u0308\u0323 👍🏽 👨‍👩‍👧', null, null],
  ['French', 'Brigadier-chef « Lefèvre » — Œuvre', null, null],
  ['right-to-left script without controls', 'مركز القيادة', null, null],
  ['right-to-left mark', 'a\u200fb', null, null],
];

for (const [label, text, line, multi] of CASES) {
  test(`text rule: ${label}`, () => {
    assert.equal(textProblem(text), line, 'one-line');
    assert.equal(textProblem(text, { multiline: true }), multi, 'multi-line');
    const shown = visibleText(text);
    assert.equal(textProblem(shown), null, 'what visibleText returns passes the rule');
    assert.equal(visibleText(shown), shown, 'and is stable');
    if (line === null) assert.equal(shown, text, 'text the rule accepts is left as it is');
  });
}

test('visibleText shows what was there: Control Pictures for C0 and DEL, U+FFFD for the rest', () => {
  assert.equal(visibleText('ab\u0000cd'), 'ab\u2400cd');
  assert.equal(visibleText('a\tb\u007f'), 'a\u2409b\u2421');
  assert.equal(visibleText('\ud800x'), '\ufffdx');
  assert.equal(visibleText('a\u0085\u202eb'), 'a\ufffd\ufffdb');
});

test('firstTextProblem names the first field refused', () => {
  assert.deepEqual(firstTextProblem({ name: 'Jean', rank: 'a\u0000', service: '\ud800' }), {
    field: 'rank',
    reason: 'control',
  });
  assert.equal(firstTextProblem({ name: 'Jean 👮' }), null);
});

test('a mebibyte of ordinary text is accepted, and one NUL at its end is found', () => {
  const big = 'é👍'.repeat(350_000);
  assert.equal(textProblem(big), null);
  assert.equal(textProblem(`${big}\u0000`), 'control');
});
